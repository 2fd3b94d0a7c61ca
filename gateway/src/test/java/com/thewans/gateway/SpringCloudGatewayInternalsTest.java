package com.thewans.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.GatewayMetricsAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.GatewayTracingAutoConfiguration;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.filter.ForwardPathFilter;
import org.springframework.cloud.gateway.filter.ForwardRoutingFilter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.RemoveCachedBodyFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.handler.predicate.WeightRoutePredicateFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.cloud.gateway.support.NameUtils;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.validation.Validator;
import org.springframework.web.server.ServerWebExchange;

import com.thewans.gateway.resilience.ServiceCalls;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway takes from Spring Cloud Gateway beyond its documented use: the orders its filters are
 * placed against, the exchange attribute it reads the matched route from, what the stock filters it
 * extends still call, how the rate limiter keys and refuses, and the names of the beans and properties it
 * replaces or switches off. None of it would stop the gateway from starting if an upgrade changed it; the
 * gateway would just quietly do something else. Each assertion says what depends on it.
 *
 * <p>The compiler already checks the signatures (every constructor the gateway calls, every method it
 * overrides with {@code @Override}), so they are not repeated here. Plain objects, no Spring context.
 */
class SpringCloudGatewayInternalsTest {

    /** How long a call may take before the test gives up; never what a test asserts. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final String PREFIX = GatewayProperties.PREFIX;

    @Test
    void theOrdersTheGatewaysFiltersArePlacedAgainst() {
        assertThat(NettyRoutingFilter.ORDER)
                .as("FilterOrder.ROUTE_CIRCUIT_BREAKERS and SESSION_REVOCATION_GATE are this minus 1 and 2, the last "
                        + "filters before resilience.ServiceCalls (a NettyRoutingFilter) calls the service")
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER)
                .as("gateway/README.md's request path: the request URL is known before the session gate and the "
                        + "breaker, after the route filters")
                .isEqualTo(10000);
        assertThat(NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER)
                .as("resilience.WholeAnswers inherits it: it must come before the route filters (1, 2, ...) so that "
                        + "it writes the service's answer once they and the call have run")
                .isEqualTo(-1);

        List<Ordered> requestHeaderFilters = List.of(new RemoveHopByHopHeadersFilter(), new XForwardedHeadersFilter(),
                new RemoveForwardedHeadersFilter(), new TransferEncodingNormalizationHeadersFilter());
        assertThat(requestHeaderFilters)
                .as("observation.TraceForwarding (FilterOrder.TRACE_FORWARDING) runs after these header filters, "
                        + "so none of them replaces the traceparent and X-Request-Id it sets")
                .allSatisfy(filter -> assertThat(filter.getOrder()).isLessThan(FilterOrder.TRACE_FORWARDING));
    }

    @Test
    void globalAndRouteFiltersRunInOneOrderRouteFiltersNumberedFromOne() {
        List<String> ran = new CopyOnWriteArrayList<>();
        GatewayProperties gateway = new GatewayProperties();
        gateway.setDefaultFilters(List.of(new FilterDefinition("Note=default")));
        RouteDefinition definition = new RouteDefinition();
        definition.setId("identity-sign-in");
        definition.setUri(URI.create("http://localhost:3001"));
        definition.setFilters(List.of(new FilterDefinition("Note=first"), new FilterDefinition("Note=second")));
        Supplier<ConversionService> conversion = ApplicationConversionService::getSharedInstance;
        Supplier<Validator> noValidation = () -> null;
        Route route = new RouteDefinitionRouteLocator(() -> Flux.just(definition), List.of(),
                List.of(new NoteGatewayFilterFactory(ran)), gateway,
                new ConfigurationService(new DefaultListableBeanFactory(), conversion, noValidation))
                .getRoutes().blockFirst(HANG_GUARD);

        assertThat(route.getFilters().stream().map(filter -> ((Ordered) filter).getOrder()))
                .as("route filters (the RequestRateLimiter among them) are numbered 1, 2, ... in their configured "
                        + "order, default filters first: EdgeAuthenticationFilter (FilterOrder.EDGE_AUTHENTICATION) "
                        + "sits below all of them")
                .containsExactly(1, 1, 2);

        // given out of order on purpose: Spring Cloud Gateway sorts global and route filters together
        List<GlobalFilter> globalFilters = List.of(
                new Step("the call (ServiceCalls)", NettyRoutingFilter.ORDER, ran),
                new Step("RouteCircuitBreakers", FilterOrder.ROUTE_CIRCUIT_BREAKERS, ran),
                new Step("SessionRevocationGate", FilterOrder.SESSION_REVOCATION_GATE, ran),
                new Step("RouteToRequestUrlFilter", RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER, ran),
                new Step("WholeAnswers", NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER, ran),
                new Step("EdgeAuthenticationFilter", FilterOrder.EDGE_AUTHENTICATION, ran));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/auth/login"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
        new FilteringWebHandler(globalFilters, true).handle(exchange).block(HANG_GUARD);

        assertThat(ran)
                .as("the order gateway/README.md describes and FilterOrder relies on: the token before the rate "
                        + "limiter (its key is the verified user), the session gate and the breaker just before "
                        + "the call")
                .containsExactly("EdgeAuthenticationFilter", "WholeAnswers", "default", "first", "second",
                        "RouteToRequestUrlFilter", "SessionRevocationGate", "RouteCircuitBreakers",
                        "the call (ServiceCalls)");
    }

    @Test
    void theMatchedRouteIsAnExchangeAttributeAndRoutesAreLookedUpFirst() throws IOException {
        Route films = Route.async().id("catalog-service").uri("http://localhost:3002")
                .predicate(exchange -> exchange.getRequest().getPath().value().startsWith("/api/films/"))
                .build();
        RoutePredicateHandlerMapping mapping = new RoutePredicateHandlerMapping(
                new FilteringWebHandler(List.of(), true), () -> Flux.just(films), new GlobalCorsProperties(),
                applicationYmlEnvironment());

        assertThat(mapping.getOrder())
                .as("application.yml's handler-mapping.order: routes are looked up before the actuator's and the "
                        + "controllers' mappings, instead of after them on every routed request")
                .isEqualTo(-200);

        MockServerWebExchange routed = MockServerWebExchange.from(MockServerHttpRequest.get("/api/films/42"));
        assertThat(mapping.getHandler(routed).block(HANG_GUARD)).isNotNull();
        assertThat((Object) routed.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR))
                .as("RouteCircuitBreakers, GatewayProblemHandler and RouteTaggedRequests read the matched route "
                        + "(and its metadata.service) from GATEWAY_ROUTE_ATTR")
                .isSameAs(films);

        MockServerWebExchange unknown = MockServerWebExchange.from(MockServerHttpRequest.get("/nowhere"));
        assertThat(mapping.getHandler(unknown).block(HANG_GUARD)).isNull();
        assertThat((Object) unknown.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR))
                .as("no route, no attribute: GatewayProblemHandler then answers 'No route' and RouteTaggedRequests "
                        + "tags route=none")
                .isNull();
    }

    @Test
    void theRoutingFilterAsksForTheHooksServiceCallsOverrides() {
        List<String> asked = new CopyOnWriteArrayList<>();
        AtomicBoolean acquired = new AtomicBoolean();
        HttpClient routeClient = HttpClient.create(refusingPool(acquired));
        NettyRoutingFilter routing = new NettyRoutingFilter(HttpClient.create(), noHeaderFilters(),
                new HttpClientProperties()) {
            @Override
            public List<HttpHeadersFilter> getHeadersFilters() {
                asked.add("header filters");
                return List.of();
            }

            @Override
            protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
                asked.add("client for " + route.getId());
                return routeClient;
            }
        };
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/films"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                URI.create("http://127.0.0.1:9/api/films"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id("catalog-service").uri("http://127.0.0.1:9").predicate(ignored -> true).build());

        Throwable failed = catchThrowable(() -> routing.filter(exchange, ignored -> Mono.empty()).block(HANG_GUARD));

        assertThat(asked)
                .as("resilience.ServiceCalls overrides getHeadersFilters (to leave out the gRPC header filter) and "
                        + "getHttpClient (to put the route's read timeout on its client): the routing filter must "
                        + "ask for both")
                .containsExactlyInAnyOrder("header filters", "client for catalog-service");
        assertThat(acquired)
                .as("the client getHttpClient returns is the one that calls the service (it carries the read timeout)")
                .isTrue();
        assertThat(failed).as("the call failed for want of a connection, as this test arranges").isNotNull();

        assertThat(new HttpClientProperties().getResponseTimeout())
                .as("no response timeout unless one is configured: with one, the stock routing filter arms a Reactor "
                        + "timer on another thread per request, which ServiceCalls' read timeout replaces")
                .isNull();
        assertThat(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR)
                .as("the route metadata key that arms that timer; routes say metadata.read-timeout "
                        + "(ServiceCalls.READ_TIMEOUT) instead, which Spring Cloud Gateway must not read")
                .isEqualTo("response-timeout")
                .isNotEqualTo(ServiceCalls.READ_TIMEOUT);
    }

    @Test
    void theClientFactoryTakesItsPoolFromTheMethodLoopLocalConfigurationOverrides() throws Exception {
        AtomicReference<HttpClientProperties> poolSettings = new AtomicReference<>();
        AtomicBoolean acquired = new AtomicBoolean();
        HttpClientProperties properties = new HttpClientProperties();
        ServerProperties server = new ServerProperties();
        HttpClientFactory factory = new HttpClientFactory(properties, server,
                new HttpClientSslConfigurer(properties.getSsl(), server, new DefaultSslBundleRegistry()),
                new ArrayList<>()) {
            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties settings) {
                poolSettings.set(settings);
                return refusingPool(acquired);
            }
        };
        factory.afterPropertiesSet();
        HttpClient client = factory.getObject();

        catchThrowable(() -> client.get().uri("http://127.0.0.1:9/").response().block(HANG_GUARD));

        assertThat(poolSettings.get())
                .as("loop.LoopLocalConfiguration overrides buildConnectionProvider to give each event loop its own "
                        + "pool, each built with the gateway's pool settings")
                .isSameAs(properties);
        assertThat(acquired)
                .as("the client the factory builds takes its connections from that pool; otherwise a request's call "
                        + "to the service would cross to another loop's connection")
                .isTrue();
    }

    @Test
    void aRouteLimiterRefusesByCompletingTheResponseWith429InTheChainsReactorContext() {
        List<String> limiterSaw = new CopyOnWriteArrayList<>();
        RedisRateLimiter refusing = new RedisRateLimiter(1, 1, 1) {
            @Override
            public Mono<Response> isAllowed(String routeId, String id) {
                return Mono.deferContextual(context -> {
                    limiterSaw.add(routeId + " " + id + " " + context.getOrDefault("asked", "nothing"));
                    return Mono.just(new Response(false, Map.of(RedisRateLimiter.REMAINING_HEADER, "0")));
                });
            }
        };
        RequestRateLimiterGatewayFilterFactory limiterFilters = new RequestRateLimiterGatewayFilterFactory(refusing,
                exchange -> Mono.just("user:42"));
        GatewayFilter limit = limiterFilters.apply(limiterFilters.newConfig());
        AtomicReference<HttpStatusCode> completedWith = new AtomicReference<>();
        MockServerWebExchange original = MockServerWebExchange.from(MockServerHttpRequest.get("/api/films"));
        original.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id("catalog-service").uri("http://localhost:3002").predicate(ignored -> true).build());
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                completedWith.set(getStatusCode());
                return super.setComplete();
            }
        };
        ServerWebExchange exchange = original.mutate().response(response).build();
        AtomicBoolean passed = new AtomicBoolean();
        GatewayFilterChain rest = ignored -> {
            passed.set(true);
            return Mono.empty();
        };

        limit.filter(exchange, rest).contextWrite(Context.of("asked", "on arrival")).block(HANG_GUARD);

        assertThat(limiterSaw)
                .as("ratelimit.GeneralRateLimiter finds the answer arrival.QuestionsOnArrival asked in the Reactor "
                        + "context the filter chain runs in; the route's id and the resolved key come with it")
                .containsExactly("catalog-service user:42 on arrival");
        assertThat(completedWith.get())
                .as("ratelimit.RejectionProblems turns a refusal into a problem by catching setComplete() with 429 "
                        + "on the response: the limiter must refuse that way, not by an error")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst(RedisRateLimiter.REMAINING_HEADER))
                .as("RejectionProblems computes Retry-After from the X-RateLimit-* headers put on the response first")
                .isEqualTo("0");
        assertThat(passed).as("a refused request goes no further").isFalse();
    }

    @Test
    void theRedisLimiterKeysBucketsByTheRouteIdItIsGivenAndLetsRequestsThroughWhenRedisFails() {
        List<List<String>> keysAsked = new CopyOnWriteArrayList<>();
        AtomicReference<Flux<List<Long>>> redisAnswers = new AtomicReference<>(Flux.just(List.of(1L, 99L)));
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(new LettuceConnectionFactory()) {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
                keysAsked.add(keys);
                return (Flux<T>) (Flux<?>) redisAnswers.get();
            }
        };
        RedisRateLimiter limiter = new RedisRateLimiter(50, 100, 1);
        try (StaticApplicationContext beans = new StaticApplicationContext()) {
            beans.getBeanFactory().registerSingleton("redis", redis);
            beans.getBeanFactory().registerSingleton(RedisRateLimiter.REDIS_SCRIPT_NAME,
                    RedisScript.of("return {1, 99}", List.class));
            beans.refresh();
            limiter.setApplicationContext(beans);
        }

        RateLimiter.Response answer = limiter.isAllowed("all-routes", "user:42").block(HANG_GUARD);

        assertThat(keysAsked)
                .as("ratelimit.GeneralRateLimiter gives every route the same route id (its ALL_ROUTES): buckets are "
                        + "keyed by the route id they are given and the client, so each client has one for the "
                        + "whole API")
                .containsExactly(List.of("request_rate_limiter.{all-routes.user:42}.tokens",
                        "request_rate_limiter.{all-routes.user:42}.timestamp"));
        assertThat(answer.isAllowed()).isTrue();
        assertThat(answer.getHeaders())
                .as("a route id without configuration of its own gets the bucket given to the constructor "
                        + "(ratelimit.RateLimiting builds both limiters that way); RejectionProblems reads these "
                        + "headers")
                .containsEntry(RedisRateLimiter.REMAINING_HEADER, "99")
                .containsEntry(RedisRateLimiter.REPLENISH_RATE_HEADER, "50")
                .containsEntry(RedisRateLimiter.BURST_CAPACITY_HEADER, "100")
                .containsEntry(RedisRateLimiter.REQUESTED_TOKENS_HEADER, "1");
        assertThat(List.of(RedisRateLimiter.REMAINING_HEADER, RedisRateLimiter.REQUESTED_TOKENS_HEADER,
                RedisRateLimiter.REPLENISH_RATE_HEADER))
                .as("the names ratelimit.RejectionProblems reads and edge.EdgeConfiguration exposes to browsers")
                .containsExactly("X-RateLimit-Remaining", "X-RateLimit-Requested-Tokens", "X-RateLimit-Replenish-Rate");

        redisAnswers.set(Flux.error(new IllegalStateException("Redis is down in this test")));
        assertThat(limiter.isAllowed("all-routes", "user:42").block(HANG_GUARD).isAllowed())
                .as("GeneralRateLimiter.askOnArrival asks ahead and ignores errors: a Redis failure must come back "
                        + "as an answer that lets the request through, never as an error")
                .isTrue();
    }

    @Test
    void theLimiterScriptIsTheBeanRateLimitingReplacesByName() throws Exception {
        Class<?> redisConfiguration = Class.forName(
                "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration");
        Method script = redisConfiguration.getDeclaredMethod(RedisRateLimiter.REDIS_SCRIPT_NAME);

        assertThat(script.getReturnType())
                .as("ratelimit.RateLimiting's post-processor swaps the bean named RedisRateLimiter.REDIS_SCRIPT_NAME, "
                        + "a script re-read from the jar on every call, for the same Lua read once")
                .isEqualTo(RedisScript.class);
        assertThat(script.getAnnotation(Bean.class))
                .as("declared as a bean under its method's name, the name the post-processor matches")
                .isNotNull()
                .satisfies(bean -> assertThat(bean.name()).isEmpty());
        assertThat(RedisRateLimiter.REDIS_SCRIPT_NAME).isEqualTo("redisRequestRateLimiterScript");
    }

    @Test
    void theSwitchesInApplicationYmlAreOnesSpringCloudGatewayReads() throws Exception {
        Map<String, String> yml = applicationYml();
        Map<String, String> declared = declaredGatewayProperties();
        assertThat(declared).isNotEmpty();
        assertThat(yml.keySet().stream().filter(name -> name.startsWith(PREFIX + ".")))
                .as("every %s.* key in application.yml is one Spring Cloud Gateway declares; Spring Boot ignores "
                        + "unknown keys silently, so what a renamed one switched off would quietly be back", PREFIX)
                .allSatisfy(name -> assertThat(declares(declared, name)).as(name).isTrue());

        Map<Class<? extends GlobalFilter>, String> switchedOff = new LinkedHashMap<>();
        switchedOff.put(NettyRoutingFilter.class, "resilience.ServiceCalls routes instead");
        switchedOff.put(ForwardPathFilter.class, "no forward: routes");
        switchedOff.put(ForwardRoutingFilter.class, "no forward: routes");
        switchedOff.put(WebsocketRoutingFilter.class, "no websockets");
        switchedOff.put(AdaptCachedBodyGlobalFilter.class, "no filter caches the request body");
        switchedOff.put(RemoveCachedBodyFilter.class, "no filter caches the request body");
        switchedOff.forEach((filter, why) -> assertThat(yml)
                .as("%s is switched off under the name Spring Cloud Gateway derives from its class (%s)",
                        filter.getSimpleName(), why)
                .containsEntry(PREFIX + ".global-filter." + NameUtils.normalizeGlobalFilterNameAsProperty(filter)
                        + ".enabled", "false"));
        assertThat(yml)
                .as("the weight predicate's web filter, walked on every request, is off under its predicate's name")
                .containsEntry(PREFIX + ".predicate."
                        + NameUtils.normalizeRoutePredicateNameAsProperty(WeightRoutePredicateFactory.class)
                        + ".enabled", "false");

        String observability = PREFIX + ".observability.enabled";
        assertThat(yml).containsEntry(observability, "false");
        assertThat(Stream.concat(
                conditionalProperties(nestedClass(GatewayMetricsAutoConfiguration.class, "ObservabilityConfiguration")),
                conditionalProperties(GatewayTracingAutoConfiguration.class)))
                .as("the service call's second observation (a client span and timer, a fifth of the CPU per request) "
                        + "is off by this property; observation.TraceForwarding passes the trace on instead")
                .containsExactly(observability, observability);

        String metrics = PREFIX + ".metrics.enabled";
        assertThat(yml).containsEntry(metrics, "false");
        assertThat(conditionalProperties(method(GatewayMetricsAutoConfiguration.class, "gatewayMetricFilter")))
                .as("the second timer per request (spring.cloud.gateway.requests, a seventh of the throughput) is off "
                        + "by this property; observation.RouteTaggedRequests puts the route on the request's own timer")
                .containsExactly(metrics);
    }

    /** A route filter that notes its name when it runs: {@code Note=first} in a route definition. */
    static final class NoteGatewayFilterFactory
            extends AbstractGatewayFilterFactory<AbstractGatewayFilterFactory.NameConfig> {

        private final List<String> ran;

        NoteGatewayFilterFactory(List<String> ran) {
            super(NameConfig.class);
            this.ran = ran;
        }

        @Override
        public List<String> shortcutFieldOrder() {
            return List.of(NAME_KEY);
        }

        @Override
        public GatewayFilter apply(NameConfig config) {
            return (exchange, chain) -> {
                ran.add(config.getName());
                return chain.filter(exchange);
            };
        }
    }

    /** A global filter at a given order that notes its name when it runs. */
    private record Step(String name, int order, List<String> ran) implements GlobalFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            ran.add(name);
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    /** A pool that hands out no connection, noting that it was asked. */
    private static ConnectionProvider refusingPool(AtomicBoolean acquired) {
        return (config, observer, address, resolver) -> {
            acquired.set(true);
            return Mono.error(new IllegalStateException("no connection in this test"));
        };
    }

    private static ObjectProvider<List<HttpHeadersFilter>> noHeaderFilters() {
        return new DefaultListableBeanFactory()
                .getBeanProvider(ResolvableType.forClassWithGenerics(List.class, HttpHeadersFilter.class));
    }

    private static List<PropertySource<?>> applicationYmlSources() throws IOException {
        return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
    }

    /** The gateway's application.yml as it is written: each key with its value, placeholders unresolved. */
    private static Map<String, String> applicationYml() throws IOException {
        Map<String, String> properties = new HashMap<>();
        for (PropertySource<?> source : applicationYmlSources()) {
            for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                properties.put(name, String.valueOf(source.getProperty(name)));
            }
        }
        return properties;
    }

    private static StandardEnvironment applicationYmlEnvironment() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        applicationYmlSources().forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    /** Every property under the gateway's prefix in Spring Cloud Gateway's configuration metadata, with its type. */
    private static Map<String, String> declaredGatewayProperties() throws IOException {
        Map<String, String> declared = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = SpringCloudGatewayInternalsTest.class.getClassLoader();
        for (String file : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(loader.getResources(file))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        if (name.startsWith(PREFIX + ".")) {
                            declared.put(name, property.path("type").asString(""));
                        }
                    }
                }
            }
        }
        return declared;
    }

    /** A key is declared itself, or is an element of a declared list, or an entry of a declared map. */
    private static boolean declares(Map<String, String> declared, String key) {
        return declared.entrySet().stream().anyMatch(property -> key.equals(property.getKey())
                || key.startsWith(property.getKey() + "[")
                || (key.startsWith(property.getKey() + ".") && property.getValue().startsWith("java.util.Map")));
    }

    private static Stream<String> conditionalProperties(AnnotatedElement element) {
        ConditionalOnProperty condition = element.getAnnotation(ConditionalOnProperty.class);
        assertThat(condition).as("@ConditionalOnProperty on %s", element).isNotNull();
        String prefix = condition.prefix().isEmpty() ? "" : condition.prefix() + ".";
        return Stream.concat(Arrays.stream(condition.name()), Arrays.stream(condition.value()))
                .map(name -> prefix + name);
    }

    private static Class<?> nestedClass(Class<?> outer, String simpleName) {
        return Arrays.stream(outer.getDeclaredClasses()).filter(nested -> nested.getSimpleName().equals(simpleName))
                .findFirst().orElseThrow(() -> new AssertionError(outer.getName() + " has no " + simpleName));
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(method -> method.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(type.getName() + " has no method " + name));
    }
}
