package com.thewans.gateway.resilience;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.thewans.common.problem.WansException;
import com.thewans.gateway.FilterOrder;
import com.thewans.gateway.edge.EdgeProperties;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;

/**
 * One circuit breaker per service (a route's {@code metadata.service}), around the call the gateway
 * makes to it. When a service keeps refusing connections or timing out, its breaker opens and its
 * routes answer 503 at once for a while instead of queueing callers behind a dead service; every
 * other service's routes are untouched. Only failures to get an answer count: a service's own 4xx or
 * 5xx answer means it is alive.
 */
@Component
public class RouteCircuitBreakers implements GlobalFilter, Ordered {

    private final CircuitBreakerRegistry registry;
    private final Duration openFor;

    public RouteCircuitBreakers(EdgeProperties properties) {
        EdgeProperties.CircuitBreaker c = properties.circuitBreaker();
        this.openFor = c.openFor();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(c.failureRateThreshold())
                .minimumNumberOfCalls(c.minimumCalls())
                .slidingWindowSize(c.windowSize())
                .waitDurationInOpenState(c.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(RouteCircuitBreakers::unreachable)
                .build());
    }

    @Override
    public int getOrder() {
        return FilterOrder.ROUTE_CIRCUIT_BREAKERS;
    }

    public CircuitBreaker.State state(String service) {
        return registry.circuitBreaker(service).getState();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String service = String.valueOf(route.getMetadata().getOrDefault("service", route.getId()));
        CircuitBreaker breaker = registry.circuitBreaker(service);
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, openFor.toSeconds())));
            WansException unavailable = new WansException(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                    service + " is unavailable right now; try again shortly").with("dependency", service);
            return Mono.error(unavailable);
        }
        long start = breaker.getCurrentTimestamp();
        return chain.filter(exchange)
                .doOnSuccess(ignored -> breaker.onSuccess(breaker.getCurrentTimestamp() - start,
                        breaker.getTimestampUnit()))
                .doOnError(e -> breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e))
                .doOnCancel(breaker::releasePermission);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof TimeoutException
                    || t instanceof ReadTimeoutException) {
                return true;
            }
        }
        return e instanceof org.springframework.web.server.ResponseStatusException rse
                && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }

}
