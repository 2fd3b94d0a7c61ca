package com.thewans.gateway;

import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;

/**
 * Where each of the gateway's own filters sits on a request's way, in one place; gateway/README.md has
 * the whole path, with Spring's and Spring Cloud Gateway's filters between these. Lower runs first. There
 * are four scales, one per kind of component, and a value means something only next to others of its
 * kind. The route lookup runs between the web filters and the gateway filters (its order,
 * {@code handler-mapping.order}, is in application.yml).
 */
public final class FilterOrder {

    // Web filters: every request, before its route is looked up.

    /** Before the front door, so a preflight needs no token and even a 401 or 429 carries the CORS headers. */
    public static final int CORS = FilterOrder.FRONT_DOOR - 10;

    /** First after CORS: a malformed path or an oversized body is refused before anything is spent on it. */
    public static final int FRONT_DOOR = -500;

    /**
     * Wraps the response for everything after it, so the bare 429 of a route's RequestRateLimiter, far
     * down the chain, is turned into a problem; the front door before it refuses with problems of its own.
     */
    public static final int REJECTION_PROBLEMS = FilterOrder.FRONT_DOOR + 1;

    /** After the front door has refused what it refuses, so a malformed path costs no Redis question. */
    public static final int QUESTIONS_ON_ARRIVAL = FilterOrder.FRONT_DOOR + 2;

    // Gateway filters: once a route matched. Global filters and a route's own filters are sorted together;
    // Spring Cloud Gateway numbers route filters 1, 2, ... in their configured order, default filters first.

    /** Below every route filter: the rate limiter keys on the verified user, and a refused token goes no further. */
    public static final int EDGE_AUTHENTICATION = -100;

    /**
     * As late as possible, so the signed-out question asked on arrival has had the whole walk to be
     * answered; still before the breaker, so a signed-out session is not counted as a call to the service.
     */
    public static final int SESSION_REVOCATION_GATE = FilterOrder.ROUTE_CIRCUIT_BREAKERS - 1;

    /** Right before the call, so the breaker counts the call itself and nothing that refused the request. */
    public static final int ROUTE_CIRCUIT_BREAKERS = NettyRoutingFilter.ORDER - 1;

    // Header filters: the headers sent on to the service, applied by the routing filter (resilience.ServiceCalls).

    /** After Spring Cloud Gateway's header filters, so nothing they add replaces the trace or the request id. */
    public static final int TRACE_FORWARDING = Ordered.LOWEST_PRECEDENCE;

    // Exception handlers: an error from any filter or handler.

    /**
     * Ahead of WebFlux's own handler (0), which would answer with a bare status, and in front of the place
     * of Spring Boot's error handler (-1), which this one replaces.
     */
    public static final int PROBLEM_HANDLER = -2;

    private FilterOrder() {
    }
}
