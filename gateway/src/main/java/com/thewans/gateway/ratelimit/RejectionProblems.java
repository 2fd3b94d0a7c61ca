package com.thewans.gateway.ratelimit;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.thewans.common.problem.Problems;
import com.thewans.gateway.FilterOrder;
import com.thewans.gateway.problem.GatewayProblemHandler;

import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's RequestRateLimiter refuses with a bare 429 and an empty body. Every refusal
 * of the platform is a problem, so a response completed empty with 429 is turned into one here, with
 * {@code Retry-After} computed from the bucket the limiter reported (tokens a request costs divided by
 * tokens refilled a second).
 */
@Component
class RejectionProblems implements WebFilter, Ordered {

    private final GatewayProblemHandler problems;

    RejectionProblems(GatewayProblemHandler problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return FilterOrder.REJECTION_PROBLEMS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        ServerWebExchange[] decorated = new ServerWebExchange[1];
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (status != null && status.value() == HttpStatus.TOO_MANY_REQUESTS.value() && !isCommitted()) {
                    getHeaders().set("Retry-After", Long.toString(retryAfterSeconds(this)));
                    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                            "Too Many Requests", "Too many requests from you in a short time; wait "
                                    + getHeaders().getFirst("Retry-After") + " s and try again");
                    return problems.respond(decorated[0], problem);
                }
                return super.setComplete();
            }
        };
        decorated[0] = exchange.mutate().response(response).build();
        return chain.filter(decorated[0]);
    }

    /**
     * Every limiter on the route adds its own X-RateLimit-* values (the sign-in routes have two); the
     * one that refused has fewer tokens left than a request costs, and its bucket says when one fits
     * again.
     */
    static long retryAfterSeconds(ServerHttpResponse response) {
        List<String> remaining = response.getHeaders().getOrEmpty("X-RateLimit-Remaining");
        List<String> requested = response.getHeaders().getOrEmpty("X-RateLimit-Requested-Tokens");
        List<String> replenish = response.getHeaders().getOrEmpty("X-RateLimit-Replenish-Rate");
        long seconds = 1;
        for (int i = 0; i < Math.min(requested.size(), replenish.size()); i++) {
            long cost = number(requested.get(i), 1);
            boolean refusedHere = i >= remaining.size() || number(remaining.get(i), 0) < cost;
            long rate = number(replenish.get(i), 1);
            if (refusedHere && rate > 0) {
                seconds = Math.max(seconds, (cost + rate - 1) / rate);
            }
        }
        return seconds;
    }

    private static long number(String value, long fallback) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
