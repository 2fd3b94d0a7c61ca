package com.thewans.common.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Hands out one {@link ServiceClient} per named dependency, configured under {@code wans.clients.<name>}:
 * {@link #forService} calls as the user (or service) the current request acts for,
 * {@link #forServiceAsItself} with this service's own SERVICE token ({@link ServiceIdentity}).
 */
public class ServiceClients {

    private final RestClient.Builder builder;
    private final ServiceClientProperties properties;
    private final ServiceIdentityProperties identityProperties;
    private final Clock clock;
    private final Map<String, ServiceClient> clients = new ConcurrentHashMap<>();
    private final Map<String, ServiceClient> ownClients = new ConcurrentHashMap<>();
    private volatile ServiceIdentity identity;

    public ServiceClients(RestClient.Builder builder, ServiceClientProperties properties) {
        this(builder, properties, new ServiceIdentityProperties(null, null), Clock.systemUTC());
    }

    public ServiceClients(RestClient.Builder builder, ServiceClientProperties properties,
            ServiceIdentityProperties identityProperties, Clock clock) {
        this.builder = builder;
        this.properties = properties;
        this.identityProperties = identityProperties;
        this.clock = clock;
    }

    public ServiceClient forService(String name) {
        return clients.computeIfAbsent(name, n -> create(n, false));
    }

    /** A client whose calls carry this service's own SERVICE token, whoever the current request is for. */
    public ServiceClient forServiceAsItself(String name) {
        return ownClients.computeIfAbsent(name, n -> create(n, true));
    }

    /** This service's own identity (the token is fetched on first use). */
    public synchronized ServiceIdentity identity() {
        if (identity == null) {
            RestClient identityRest = builder.clone().baseUrl(target("identity").url())
                    .requestFactory(requestFactory(target("identity"))).build();
            identity = new ServiceIdentity(identityRest, identityProperties.clientId(),
                    identityProperties.clientSecret(), clock);
        }
        return identity;
    }

    private ServiceClientProperties.Target target(String name) {
        ServiceClientProperties.Target target = properties.clients().get(name);
        if (target == null || target.url() == null) {
            throw new IllegalStateException("No URL configured for service '" + name + "' (wans.clients." + name
                    + ".url)");
        }
        return target;
    }

    private static JdkClientHttpRequestFactory requestFactory(ServiceClientProperties.Target target) {
        Duration connect = target.connectTimeout() == null ? Duration.ofSeconds(1) : target.connectTimeout();
        Duration read = target.readTimeout() == null ? Duration.ofSeconds(3) : target.readTimeout();
        HttpClient http = HttpClient.newBuilder().connectTimeout(connect).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(read);
        return factory;
    }

    private ServiceClient create(String name, boolean asItself) {
        ServiceClientProperties.Target target = target(name);
        RestClient.Builder rest = builder.clone().baseUrl(target.url()).requestFactory(requestFactory(target));
        if (asItself) {
            ServiceIdentity self = identity();
            // set before the caller's context, which then leaves Authorization alone
            rest.requestInterceptor((request, body, execution) -> {
                request.getHeaders().setBearerAuth(self.token());
                return execution.execute(request, body);
            });
        }
        rest.requestInterceptor(new CallerContextInterceptor());
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                // only the dependency's own failures count, not our callers' 4xx
                .recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
                .build());
        return new ServiceClient(name, rest.build(), breaker);
    }
}
