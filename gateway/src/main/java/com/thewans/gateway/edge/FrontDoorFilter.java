package com.thewans.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.thewans.common.problem.WansException;
import com.thewans.gateway.FilterOrder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets (after CORS): it drops headers a client could use to pose as
 * someone else or to steer internal routing, refuses paths that would mean something different to the
 * service than to the gateway's rules, bounds the body, stamps a request id that every service puts in
 * its log lines, and adds the browser security headers to every answer.
 */
@Component
public class FrontDoorFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_ID_ATTRIBUTE = FrontDoorFilter.class.getName() + ".requestId";

    /** Exact names no client may send: identity, roles, internal routing and method overrides. */
    private static final Set<String> SPOOFABLE = Set.of("x-request-id", "x-user", "x-roles", "x-remote-user",
            "remote-user", "x-forwarded-user", "x-original-url", "x-original-uri", "x-rewrite-url",
            "x-http-method-override", "x-http-method", "x-method-override", "x-real-ip", "x-client-ip");
    /**
     * The viewer's country as a CDN or load balancer saw it: believed (and passed on to services,
     * which price and license by it) only from a trusted proxy, dropped from anyone else.
     */
    private static final Set<String> EDGE_ONLY = Set.of("cf-ipcountry", "x-country");
    /** Name prefixes reserved for what the platform itself sets between its own parts. */
    private static final List<String> SPOOFABLE_PREFIXES = List.of("x-user-", "x-auth-", "x-authenticated-",
            "x-internal-", "x-service-", "x-wans-user", "x-wans-role", "x-wans-service", "x-wans-internal");

    private final long maxBodyBytes;
    private final ClientAddress clientAddress;

    public FrontDoorFilter(EdgeProperties properties, ClientAddress clientAddress) {
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.clientAddress = clientAddress;
    }

    @Override
    public int getOrder() {
        return FilterOrder.FRONT_DOOR;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = UUID.randomUUID().toString();
        boolean secure = request.getSslInfo() != null || (clientAddress.fromTrustedProxy(request)
                && "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto")));
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(REQUEST_ID, requestId);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            if (secure) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            return Mono.empty();
        });

        String rawPath = request.getURI().getRawPath();
        if (ambiguous(rawPath)) {
            return Mono.error(new WansException(HttpStatus.BAD_REQUEST, "malformed-path",
                    "The path contains dot segments, encoded slashes or parameters; send the plain path"));
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBodyBytes) {
            return Mono.error(tooLarge());
        }

        // Rebuilding the request copies every header and decorates the exchange for the rest of its way,
        // so it happens only when something must change; the request id reaches the service with the
        // trace header (observation.TraceForwarding).
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        ServerHttpRequest cleaned = request;
        // the trusted-proxy check is a pattern match, so it runs only when an edge-only header came
        boolean dropEdgeOnly = anyEdgeOnly(request.getHeaders()) && !clientAddress.fromTrustedProxy(request);
        if (dropEdgeOnly || anySpoofable(request.getHeaders())) {
            cleaned = request.mutate().headers(headers -> headers.headerNames().stream()
                    .filter(name -> spoofable(name) || (dropEdgeOnly && EDGE_ONLY.contains(name.toLowerCase(Locale.ROOT))))
                    .toList()
                    .forEach(headers::remove)).build();
        }
        if (declared < 0 && hasBody(cleaned)) {
            cleaned = new BoundedBody(cleaned, maxBodyBytes);
        }
        return cleaned == request ? chain.filter(exchange) : chain.filter(exchange.mutate().request(cleaned).build());
    }

    /** The gateway's id of this request, for the headers sent on to the service. */
    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
    }

    private static boolean anyEdgeOnly(HttpHeaders headers) {
        for (String name : EDGE_ONLY) {
            if (headers.containsHeader(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anySpoofable(HttpHeaders headers) {
        for (String name : headers.headerNames()) {
            if (spoofable(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean spoofable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SPOOFABLE.contains(lower)) {
            return true;
        }
        for (String prefix : SPOOFABLE_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rules match the path as the gateway sees it; a service (Tomcat) would resolve {@code ..},
     * {@code ;} parameters and encoded slashes into another path, so such requests are refused here.
     */
    static boolean ambiguous(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.contains(";") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
                || lower.contains("\\") || lower.contains("//") || lower.contains("%00")
                || lower.endsWith("/..") || lower.endsWith("/.") || lower.contains("/../")
                || lower.contains("/./");
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    static WansException tooLarge() {
        return new WansException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "The request body is larger than the platform accepts; media uploads go straight to "
                        + "storage through an upload URL");
    }

    /** A chunked body, counted as it streams, cut off with 413 once it passes the limit. */
    private static final class BoundedBody extends ServerHttpRequestDecorator {
        private final long limit;

        BoundedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
