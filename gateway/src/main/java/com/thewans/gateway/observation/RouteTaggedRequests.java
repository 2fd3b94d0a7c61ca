package com.thewans.gateway.observation;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The gateway's {@code http.server.requests} timer, tagged with the route that served the request
 * ({@code route="catalog-service"}, {@code none} for the gateway's own endpoints and unknown paths).
 * The gateway matches no path templates, so without it every routed request had {@code uri="UNKNOWN"}
 * and per-service latency came only from Spring Cloud Gateway's second timer per request
 * ({@code spring.cloud.gateway.requests}, switched off in application.yml: it cost about a seventh
 * of the gateway's throughput, bench/README.md).
 */
@Component
public class RouteTaggedRequests extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(route(context));
    }

    private static KeyValue route(ServerRequestObservationContext context) {
        Route route = (Route) context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return KeyValue.of("route", route == null ? "none" : route.getId());
    }
}
