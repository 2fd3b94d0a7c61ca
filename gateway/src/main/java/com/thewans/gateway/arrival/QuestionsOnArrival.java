package com.thewans.gateway.arrival;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.thewans.gateway.FilterOrder;
import com.thewans.gateway.loop.LoopLocalRedisConnections;
import com.thewans.gateway.ratelimit.ClientKeyResolver;
import com.thewans.gateway.ratelimit.GeneralRateLimiter;
import com.thewans.gateway.security.EdgeAuthenticationFilter;

import reactor.core.publisher.Mono;

/**
 * Every API request needs two answers from Redis before it may reach a service: is its session signed
 * out, and is its client within the general rate limit. Asked where the filters that act on them run
 * (after the route lookup and most of the filter chain), the request waited a whole Redis round trip
 * with nothing left to do. They are asked here instead, as the request arrives, and sent at once, so
 * that Redis answers while the gateway looks up the route and walks the filters; those filters then
 * find the answers on their way. Nothing is refused here: each refusal stays where it was, in the same
 * order (unknown path 404, token 401, role 403, limit 429).
 */
@Component
class QuestionsOnArrival implements WebFilter, Ordered {

    private final EdgeAuthenticationFilter authentication;
    private final ClientKeyResolver clientKeys;
    private final GeneralRateLimiter generalLimit;
    private final LoopLocalRedisConnections redis;

    QuestionsOnArrival(EdgeAuthenticationFilter authentication, ClientKeyResolver clientKeys,
            GeneralRateLimiter generalLimit, LoopLocalRedisConnections redis) {
        this.authentication = authentication;
        this.clientKeys = clientKeys;
        this.generalLimit = generalLimit;
        this.redis = redis;
    }

    @Override
    public int getOrder() {
        return FilterOrder.QUESTIONS_ON_ARRIVAL;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // the API only: health probes, the JWKS and CORS preflights go their usual way
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")
                || CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        authentication.verifyToken(exchange); // the user, if any, is the limiter's key
        var asked = generalLimit.askOnArrival(clientKeys.keyOf(exchange));
        redis.sendNow();
        return chain.filter(exchange).contextWrite(asked);
    }
}
