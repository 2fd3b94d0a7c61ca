package com.thewans.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;

import com.thewans.common.problem.DependencyUnavailable;
import com.thewans.common.problem.ProblemDecorator;
import com.thewans.common.problem.Problems;
import com.thewans.common.problem.WansException;
import com.thewans.gateway.FilterOrder;
import com.thewans.gateway.observation.RequestSpans;

import io.micrometer.tracing.Span;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself produces (no route, wrong method, a service that is down or too
 * slow, a bug) leaves as RFC 9457 problem JSON with the trace id, like the services' own errors.
 * It replaces Boot's default handler (which would answer with its own error JSON). Errors a service
 * answers with are its own responses and pass through untouched.
 */
@Component
@Order(FilterOrder.PROBLEM_HANDLER)
public class GatewayProblemHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final ProblemDecorator decorator;
    private final JsonMapper json;

    public GatewayProblemHandler(@Value("${spring.application.name}") String service, JsonMapper json) {
        this.decorator = new ProblemDecorator(service);
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex); // the status line has left already; nothing sensible to add
        }
        if (ex instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
            response.getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        if (ex instanceof WansException wans && wans.status() == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "invalid-token".equals(wans.code()) ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        return respond(exchange, toProblem(exchange, ex));
    }

    /** Writes a problem as the whole response; also used for rejections that carry no exception. */
    public Mono<Void> respond(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        decorate(problem, exchange);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(Problems.asMap(problem)));
        return response.writeWith(Mono.just(body));
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable ex) {
        WansException upstream = upstreamFailure(exchange, ex);
        if (upstream != null) {
            withTraceInLog(exchange, () -> log.warn("{} {}: {} ({})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), upstream.getMessage(), rootCause(ex).toString()));
            ProblemDetail problem = Problems.of(upstream.status(), upstream.code(),
                    upstream.status().getReasonPhrase(), upstream.getMessage());
            Problems.properties(problem, upstream.properties());
            return problem;
        }
        if (ex instanceof WansException wans) {
            ProblemDetail problem = Problems.of(wans.status(), wans.code(), wans.status().getReasonPhrase(),
                    wans.getMessage());
            Problems.properties(problem, wans.properties());
            return problem;
        }
        if (ex instanceof ErrorResponse error && error.getStatusCode().value() == 404) {
            // no route and no local endpoint (Spring reports it as a missing static resource)
            return Problems.of(error.getStatusCode(), "not-found", "Not Found", "No route for "
                    + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
        }
        if (ex instanceof ErrorResponse error) {
            HttpStatusCode status = error.getStatusCode();
            if (status.is5xxServerError()) {
                withTraceInLog(exchange, () -> log.error("{} {} failed", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), ex));
                return internalError(status);
            }
            // Spring's own 4xx details are short, fixed sentences ("Request method 'POST' is not supported.")
            return Problems.of(status, Problems.codeFor(status), reasonPhrase(status),
                    error.getBody().getDetail());
        }
        withTraceInLog(exchange, () -> log.error("{} {} failed", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex));
        return internalError(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /**
     * A routed call that could not reach its service or got no (complete) answer in time. Returns
     * null for anything else, including errors on requests that matched no route.
     */
    private static WansException upstreamFailure(ServerWebExchange exchange, Throwable ex) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || ex instanceof WansException) {
            return null; // a WansException already says exactly what went wrong (and whose fault it is)
        }
        String service = String.valueOf(route.getMetadata().getOrDefault("service", route.getId()));
        if (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class)) {
            return new DependencyUnavailable(service, ex);
        }
        if (causedBy(ex, TimeoutException.class) || causedBy(ex, ReadTimeoutException.class)
                || (ex instanceof ErrorResponse error && error.getStatusCode().value() == 504)) {
            return new WansException(HttpStatus.GATEWAY_TIMEOUT, "dependency-timeout",
                    service + " did not answer in time; try again shortly", ex).with("dependency", service);
        }
        if (causedBy(ex, PrematureCloseException.class)) {
            return new WansException(HttpStatus.BAD_GATEWAY, "bad-gateway",
                    service + " closed the connection before answering; try again shortly", ex)
                    .with("dependency", service);
        }
        return null;
    }

    private ProblemDetail decorate(ProblemDetail problem, ServerWebExchange exchange) {
        decorator.decorate(problem, exchange.getRequest().getPath().value());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("traceId")) {
            // On Netty threads the MDC is usually empty; the request's observation knows the trace.
            String traceId = traceId(exchange);
            if (traceId != null) {
                problem.setProperty("traceId", traceId);
            }
        }
        return problem;
    }

    private static String traceId(ServerWebExchange exchange) {
        return RequestSpans.of(exchange).map(span -> span.context().traceId()).orElse(null);
    }

    /**
     * Reactor restores the trace into the MDC only where asked (context propagation is "limited": doing
     * it on every operator cost about a fifth of the gateway's CPU), so a log line about a request
     * gets the request's trace here.
     */
    private static void withTraceInLog(ServerWebExchange exchange, Runnable logLine) {
        Span span = RequestSpans.of(exchange).orElse(null);
        if (span == null || MDC.get("traceId") != null) {
            logLine.run();
            return;
        }
        MDC.put("traceId", span.context().traceId());
        MDC.put("spanId", span.context().spanId());
        try {
            logLine.run();
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }


    private static ProblemDetail internalError(HttpStatusCode status) {
        return Problems.of(status, Problems.codeFor(status), reasonPhrase(status),
                "Something went wrong on our side; quote the trace id when you report it");
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
