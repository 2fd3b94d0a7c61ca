package com.thewans.gateway.observation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.thewans.gateway.FilterOrder;
import com.thewans.gateway.edge.FrontDoorFilter;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Passes the request's trace on to the service ({@code traceparent}), so a service's spans and log
 * lines join the gateway's trace. It stands in for Spring Cloud Gateway's own observation of the
 * service call (switched off in application.yml), which opened a second observation per request (a
 * client span and an {@code http.client.requests} timer nobody reads) and cost about a fifth of the
 * gateway's CPU per request (bench/README.md); the service's server span is now a child of the
 * gateway's server span, whose timer already covers the call. A client-sent trace header is replaced,
 * never passed on as it came. The gateway's request id ({@link FrontDoorFilter}) goes with the trace,
 * in the copy of the headers this filter makes anyway.
 */
@Component
public class TraceForwarding implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;

    public TraceForwarding(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = RequestSpans.of(exchange).orElse(null);
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        propagator.fields().forEach(forwarded::remove);
        if (span != null) {
            propagator.inject(span.context(), forwarded, HttpHeaders::set);
        }
        String requestId = FrontDoorFilter.requestId(exchange);
        if (requestId != null) {
            forwarded.set(FrontDoorFilter.REQUEST_ID, requestId);
        }
        return forwarded;
    }

    @Override
    public int getOrder() {
        return FilterOrder.TRACE_FORWARDING;
    }
}
