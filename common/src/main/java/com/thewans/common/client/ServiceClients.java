package com.thewans.common.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/** Hands out one {@link ServiceClient} per named dependency, configured under {@code wans.clients.<name>}. */
public class ServiceClients {

    private final RestClient.Builder builder;
    private final ServiceClientProperties properties;
    private final Map<String, ServiceClient> clients = new ConcurrentHashMap<>();

    public ServiceClients(RestClient.Builder builder, ServiceClientProperties properties) {
        this.builder = builder;
        this.properties = properties;
    }

    public ServiceClient forService(String name) {
        return clients.computeIfAbsent(name, this::create);
    }

    private ServiceClient create(String name) {
        ServiceClientProperties.Target target = properties.clients().get(name);
        if (target == null || target.url() == null) {
            throw new IllegalStateException("No URL configured for service '" + name + "' (wans.clients." + name
                    + ".url)");
        }
        Duration connect = target.connectTimeout() == null ? Duration.ofSeconds(1) : target.connectTimeout();
        Duration read = target.readTimeout() == null ? Duration.ofSeconds(3) : target.readTimeout();
        HttpClient http = HttpClient.newBuilder().connectTimeout(connect).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(read);
        RestClient rest = builder.clone()
                .baseUrl(target.url())
                .requestFactory(factory)
                .requestInterceptor(new CallerContextInterceptor())
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                // only the dependency's own failures count, not our callers' 4xx
                .recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
                .build());
        return new ServiceClient(name, rest, breaker);
    }
}
