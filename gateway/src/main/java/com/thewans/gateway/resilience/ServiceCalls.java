package com.thewans.gateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

import com.thewans.gateway.edge.EdgeProperties;

import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's call to the service, with each route's wait for the answer enforced by Reactor
 * Netty on the connection's own event loop ({@code responseTimeout}) instead of by Reactor's
 * {@code timeout} operator, which arms a timer on the shared {@code parallel} scheduler for every
 * request: two wake-ups of another thread per request, about a fifth of a millisecond at low load on
 * this kind of VM (bench/README.md, gateway). application.yml switches the stock routing filter off.
 *
 * <p>The wait is how long a service may stay silent: for the first byte of its answer once the request
 * has been sent, and between the parts of a long answer. Routes set it in milliseconds as
 * {@code metadata.read-timeout}; others get {@code wans.gateway.default-read-timeout}. Running out of
 * it is a {@code ReadTimeoutException}: a 504 problem, counted by the service's circuit breaker.
 */
public class ServiceCalls extends NettyRoutingFilter {

    /** Route metadata key: milliseconds a service may stay silent. */
    public static final String READ_TIMEOUT = "read-timeout";

    private final Duration defaultReadTimeout;
    /** Each route's client, built once (a client is an immutable configuration; each change copies it). */
    private final Map<String, RouteClient> clients = new ConcurrentHashMap<>();
    /** Spring Cloud Gateway's header filters less the gRPC one, chosen on first use. */
    private volatile List<HttpHeadersFilter> filtersWithoutGrpc;

    /** A route's client; a refresh of the routes brings new Route objects and so new clients. */
    private record RouteClient(Route route, HttpClient client) {
    }

    public ServiceCalls(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties, EdgeProperties edge, GatewayProperties gateway) {
        super(httpClient, headersFilters, properties);
        this.defaultReadTimeout = edge.defaultReadTimeout();
        // a mistyped timeout stops the gateway from starting rather than failing every call on its route
        gateway.getRoutes().forEach(route -> readTimeout(route.getId(), route.getMetadata()));
    }

    /**
     * The header filters for the call and its answer, without the gRPC request filter: the platform's
     * services speak HTTP and JSON, and that filter copied every request's headers once more only to add
     * {@code te: trailers} to gRPC calls, of which there are none.
     */
    @Override
    public List<HttpHeadersFilter> getHeadersFilters() {
        List<HttpHeadersFilter> filters = filtersWithoutGrpc;
        if (filters == null) {
            List<HttpHeadersFilter> all = super.getHeadersFilters();
            if (all == null) {
                return null;
            }
            filters = all.stream().filter(filter -> !(filter instanceof GRPCRequestHeadersFilter)).toList();
            filtersWithoutGrpc = filters;
        }
        return filters;
    }

    @Override
    protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
        RouteClient known = clients.get(route.getId());
        if (known == null || known.route() != route) {
            known = new RouteClient(route, super.getHttpClient(route, exchange)
                    .responseTimeout(readTimeout(route.getId(), route.getMetadata())));
            clients.put(route.getId(), known);
        }
        return known.client();
    }

    private Duration readTimeout(String routeId, Map<String, Object> metadata) {
        Object millis = metadata.get(READ_TIMEOUT);
        if (millis == null) {
            return defaultReadTimeout;
        }
        try {
            long value = millis instanceof Number n ? n.longValue() : Long.parseLong(millis.toString().trim());
            if (value > 0) {
                return Duration.ofMillis(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("Route " + routeId + ": metadata." + READ_TIMEOUT
                + " must be a positive number of milliseconds, not '" + millis + "'");
    }
}
