package com.thewans.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the front door enforces before a request reaches a service; every value can be changed by
 * environment variable (see application.yml).
 *
 * @param corsAllowedOrigins browser origins allowed to call the API (web app, creator portal, admin console)
 * @param maxBodySize        largest request body accepted; uploads of media go straight to object storage
 * @param rateLimit          token buckets in Redis: {@code general} per user (or per client address when
 *                           anonymous) on every route, {@code signIn} per client address on top of it for
 *                           register, login, refresh and the other ways to obtain a token
 * @param circuitBreaker     per-service breaker over connection failures and timeouts
 * @param defaultReadTimeout how long a service may stay silent on a route without its own
 *                           {@code metadata.read-timeout} (the API document routes)
 */
@ConfigurationProperties("wans.gateway")
public record EdgeProperties(
        @DefaultValue({"http://localhost:3000", "http://localhost:3010", "http://localhost:3020"})
        List<String> corsAllowedOrigins,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue("30s") Duration defaultReadTimeout) {

    public record RateLimit(@DefaultValue Bucket general, @DefaultValue Bucket signIn) {
    }

    /**
     * A Redis token bucket: {@code replenishRate} tokens a second, at most {@code burstCapacity} saved
     * up, {@code requestedTokens} spent per request (replenish 1, burst 30, requested 3 allows ten quick
     * requests, then one every three seconds).
     */
    public record Bucket(@DefaultValue("50") int replenishRate, @DefaultValue("100") int burstCapacity,
            @DefaultValue("1") int requestedTokens) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls (connection refused, timeout) that opens it
     * @param minimumCalls         calls in the window before the rate counts
     * @param windowSize           calls remembered
     * @param openFor              how long an open breaker answers 503 without trying the service
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int minimumCalls, @DefaultValue("20") int windowSize,
            @DefaultValue("10s") Duration openFor) {
    }
}
