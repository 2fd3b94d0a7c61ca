package com.thewans.common.client;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.thewans.common.problem.DependencyUnavailable;
import com.thewans.common.problem.WansException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Calls one other WANS service. Timeouts are short, reads are retried once, and a circuit breaker
 * stops calling a dependency that keeps failing, so a service that is down costs callers a fast
 * 503 problem instead of threads stuck waiting. The caller's token, trace and request id go along
 * (see {@link CallerContextInterceptor}).
 */
public class ServiceClient {

    private final String name;
    private final RestClient rest;
    private final CircuitBreaker breaker;

    ServiceClient(String name, RestClient rest, CircuitBreaker breaker) {
        this.name = name;
        this.rest = rest;
        this.breaker = breaker;
    }

    public String name() {
        return name;
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** GET that must find something: a 404 from the dependency becomes a 404 problem here. */
    public <T> T get(String uri, Class<T> type, Object... variables) {
        return call(true, () -> rest.get().uri(uri, variables).retrieve().body(type));
    }

    /** GET of something that may not exist. */
    public <T> Optional<T> find(String uri, Class<T> type, Object... variables) {
        try {
            return Optional.ofNullable(get(uri, type, variables));
        } catch (WansException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** POST is not retried: the dependency may have acted before the connection broke. A null body sends none. */
    public <T> T post(String uri, Object body, Class<T> type, Object... variables) {
        return call(false, () -> body == null
                ? rest.post().uri(uri, variables).retrieve().body(type)
                : rest.post().uri(uri, variables).body(body).retrieve().body(type));
    }

    private <T> T call(boolean idempotent, Supplier<T> request) {
        try {
            return breaker.executeSupplier(() -> attempt(idempotent, request));
        } catch (CallNotPermittedException e) {
            throw new DependencyUnavailable(name, e);
        } catch (ResourceAccessException | HttpServerErrorException e) {
            throw new DependencyUnavailable(name, e);
        } catch (HttpClientErrorException e) {
            throw rejected(e);
        }
    }

    private <T> T attempt(boolean idempotent, Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            if (!idempotent) {
                throw e;
            }
            return request.get();
        }
    }

    private WansException rejected(RestClientResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        return switch (status.value()) {
            case 401, 403, 404 -> new WansException(HttpStatus.valueOf(status.value()),
                    status.value() == 404 ? "not-found" : status.value() == 401 ? "unauthorized" : "forbidden",
                    name + " answered " + status.value());
            default -> new WansException(HttpStatus.BAD_GATEWAY, "dependency-rejected",
                    name + " refused the request (" + status.value() + ")");
        };
    }
}
