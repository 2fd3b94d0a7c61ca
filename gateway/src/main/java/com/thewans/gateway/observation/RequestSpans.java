package com.thewans.gateway.observation;

import java.util.Optional;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * The span of a request's own observation (the {@code http.server.requests} one). On the gateway's
 * event loops the trace is not in thread locals (Reactor context propagation is "limited"), so code
 * that needs the trace asks the exchange.
 */
public final class RequestSpans {

    private RequestSpans() {
    }

    public static Optional<Span> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan);
    }
}
