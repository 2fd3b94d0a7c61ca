package com.thewans.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The limit every route shares: one Redis token bucket per client (a signed-in person, or an address)
 * for the whole API, not one per route and client, which would give a client a fresh budget on every
 * route it calls.
 *
 * <p>Its question is usually asked the moment a request arrives ({@link #askOnArrival}), before the
 * route is looked up, so that Redis answers while the gateway routes; the RequestRateLimiter filter
 * on the route then gets that answer instead of asking again. A request whose question was not asked
 * early (or was asked for another key) is asked here as before.
 */
public class GeneralRateLimiter extends RedisRateLimiter {

    /** The one "route" whose bucket every route uses (Spring Cloud Gateway keys buckets by route and client). */
    static final String ALL_ROUTES = "all-routes";

    GeneralRateLimiter(int replenishRate, long burstCapacity, int requestedTokens) {
        super(replenishRate, burstCapacity, requestedTokens);
    }

    /**
     * Asks Redis now for this client's token; the answer is kept in the returned context, which the
     * request's filter chain must run in for the route's limiter to find it.
     */
    public Context askOnArrival(String key) {
        Mono<Response> answer = super.isAllowed(ALL_ROUTES, key).cache();
        answer.subscribe(null, ignored -> {
            // RedisRateLimiter answers "allowed" when Redis fails; nothing else can end up here
        });
        return Context.of(Asked.class, new Asked(key, answer));
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return Mono.deferContextual(context -> {
            Asked asked = context.getOrDefault(Asked.class, null);
            return asked != null && asked.key().equals(id) ? asked.answer() : super.isAllowed(ALL_ROUTES, id);
        });
    }

    private record Asked(String key, Mono<Response> answer) {
    }
}
