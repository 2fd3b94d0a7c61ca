package com.thewans.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.gateway.edge.EdgeProperties;
import com.thewans.gateway.resilience.ServiceCalls;

/**
 * The gateway with every service replaced by a {@link FakeService} on its own port (pointed at by
 * the same *_URL variables production sets) and a real Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    private static final Map<String, FakeService> services = new LinkedHashMap<>();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        FakeService.standInForEveryService(services, registry);
    }

    @AfterAll
    static void stopFakes() {
        services.values().forEach(FakeService::close);
        services.clear();
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetEarlierRequests() {
        services.values().forEach(FakeService::forget);
        // an administrator passes every edge rule, so these tests see routing alone
        // (GatewayEdgeSecurityTest covers who may pass)
        client = client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.admin(UUID.randomUUID())))
                .build();
    }

    static Stream<Arguments> routedPaths() {
        return Stream.of(
                arguments("/api/auth/login", "identity-service"),
                arguments("/api/profile/me", "identity-service"),
                arguments("/.well-known/jwks.json", "identity-service"),
                arguments("/api/films", "catalog-service"),
                arguments("/api/films/6f1c2b9e-0000-4000-8000-000000000001", "catalog-service"),
                arguments("/api/genres/drama", "catalog-service"),
                arguments("/api/windows/w1/open", "rights-service"),
                arguments("/api/availability/film/f1", "rights-service"),
                arguments("/api/entitlements/mine", "rights-service"),
                arguments("/api/subscriptions/current", "payment-service"),
                arguments("/api/plans/monthly", "payment-service"),
                arguments("/api/transactions/t1", "payment-service"),
                arguments("/api/coupons/PNG50", "payment-service"),
                arguments("/api/invoices/i1", "payment-service"),
                arguments("/api/webhooks/stripe", "payment-service"),
                arguments("/api/playback/sessions", "playback-service"),
                arguments("/api/transcode/jobs/j1", "transcoding-service"),
                arguments("/api/recommend/for-you", "recommendation-service"),
                arguments("/api/ads/decision", "advertising-service"),
                arguments("/api/royalty/statements", "royalty-service"),
                arguments("/api/notify/preferences", "notification-service"));
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @MethodSource("routedPaths")
    void everyRoutedPathReachesTheServiceThatOwnsIt(String path, String service) {
        client.get().uri(path + "?page=2&size=20").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Answered-By", service)
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.method").isEqualTo("GET")
                .jsonPath("$.path").isEqualTo(path + "?page=2&size=20");

        assertThat(services.get(service).received()).extracting(FakeService.Received::pathAndQuery)
                .containsExactly(path + "?page=2&size=20");
        assertOnlyServiceCalled(service);
    }

    @Test
    void aPrefixIsAPathSegmentNotAStringPrefix() {
        client.get().uri("/api/filmsmania").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertOnlyServiceCalled(null);
    }

    @Test
    void bodyMethodAndStatusPassThroughBothWays() {
        client.post().uri("/api/films").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Tanna\"}").exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.method").isEqualTo("POST");

        FakeService.Received received = services.get("catalog-service").received().get(0);
        assertThat(received.body()).isEqualTo("{\"title\":\"Tanna\"}");
        assertThat(received.headers().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
    }

    @Test
    void answersOfEverySizeAndFramingArriveWhole() {
        for (String path : List.of("/api/films/42", "/api/films/42/large", "/api/films/42/chunked")) {
            String body = client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).startsWith("{\"service\":\"catalog-service\"").endsWith("}");
            if (path.endsWith("/large")) {
                assertThat(body).hasSizeGreaterThan(100 * 1024);
            }
        }
    }

    @Test
    void servicesLearnTheyWereCalledThroughTheGateway() {
        client.get().uri("/api/films").exchange().expectStatus().isOk();

        var headers = services.get("catalog-service").received().get(0).headers();
        assertThat(headers.getFirst("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(headers.getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.getFirst("X-Forwarded-For")).isNotBlank();
    }

    @Test
    void aServicesOwnProblemReachesTheClientUntouched() {
        client.get().uri("/api/films/missing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("film-not-found")
                .jsonPath("$.service").isEqualTo("catalog-service");
    }

    static Stream<Arguments> apiDocs() {
        return FakeService.shortNames().entrySet().stream().map(e -> arguments(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "/v3/api-docs/{0} is {1}'s /v3/api-docs")
    @MethodSource("apiDocs")
    void eachServicesOpenApiDocumentIsPublishedUnderItsShortName(String shortName, String service) {
        client.get().uri("/v3/api-docs/" + shortName).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(services.get(service).received()).extracting(FakeService.Received::pathAndQuery)
                .containsExactly("/v3/api-docs");
        assertOnlyServiceCalled(service);
    }

    @Test
    void anUnknownPathIsA404ProblemFromTheGateway() {
        client.get().uri("/api/nothing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://thewans.com/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No route for GET /api/nothing")
                .jsonPath("$.instance").isEqualTo("/api/nothing")
                .jsonPath("$.code").isEqualTo("not-found")
                .jsonPath("$.service").isEqualTo("gateway")
                .jsonPath("$.traceId").value(String.class, id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertOnlyServiceCalled(null);
    }

    @Test
    void aWrongMethodOnAGatewayEndpointIsA405Problem() {
        client.post().uri("/health").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://thewans.com/problems/method-not-allowed")
                .jsonPath("$.code").isEqualTo("method-not-allowed")
                .jsonPath("$.status").isEqualTo(405)
                .jsonPath("$.instance").isEqualTo("/health")
                .jsonPath("$.service").isEqualTo("gateway");
    }

    @Test
    void healthIsUpAndIncludesRedis() {
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
        client.get().uri("/readyz").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
        client.get().uri("/livez").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.livenessState.status").isEqualTo("UP")
                .jsonPath("$.components.redis").doesNotExist();
        assertOnlyServiceCalled(null);
    }

    /**
     * Kubernetes probes and monitoring keep their connections open and ask again as soon as an answer
     * arrives. The health answer is produced on another thread, so the next request often arrives
     * before Reactor Netty has finished the previous one; Reactor Netty up to 1.3.7 then stopped
     * reading the connection, and the probe hung (reactor/reactor-netty#4361).
     */
    @Test
    void probesOnKeepAliveConnectionsAreAllAnswered() throws Exception {
        int probers = 3;
        int probesEach = 300;
        ExecutorService pool = Executors.newFixedThreadPool(probers);
        try {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int i = 0; i < probers; i++) {
                String path = i % 2 == 0 ? "/livez" : "/readyz";
                answered.add(pool.submit(() -> probeRepeatedly(path, probesEach)));
            }
            for (Future<Integer> count : answered) {
                assertThat(count.get(60, TimeUnit.SECONDS)).isEqualTo(probesEach);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** HEAD requests back to back on one connection; how many got a 200 before one went unanswered. */
    private int probeRepeatedly(String path, int times) throws IOException {
        byte[] probe = ("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            for (int i = 0; i < times; i++) {
                socket.getOutputStream().write(probe);
                StringBuilder head = new StringBuilder();
                try {
                    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            return i;
                        }
                        head.append((char) b);
                    }
                } catch (SocketTimeoutException e) {
                    return i;
                }
                if (!head.toString().startsWith("HTTP/1.1 200")) {
                    return i;
                }
            }
            return times;
        }
    }

    @Test
    void prometheusScrapesTheGatewaysOwnMetrics() {
        client.get().uri("/api/films").exchange().expectStatus().isOk();

        // one timer per request, tagged with the route that served it (the request's timer stops just
        // after its answer went out, hence the short wait)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .contains("jvm_memory_used_bytes")
                        .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*route=\"catalog-service\"")
                        .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*route=\"none\"[^}]*uri=\"/actuator/prometheus\"")
                        .doesNotContain("spring_cloud_gateway_requests")));
        assertOnlyServiceCalled("catalog-service");
    }

    @Test
    void actuatorPathsAreNeverRoutedToServices() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.redis.status").isEqualTo("UP");
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/films/1")) {
            client.get().uri(hidden).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.service").isEqualTo("gateway");
        }
        assertOnlyServiceCalled(null);
    }

    @Test
    void swaggerUiListsEveryService() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(10)
                .jsonPath("$.urls[?(@.name == 'catalog')].url").isEqualTo("/v3/api-docs/catalog")
                .jsonPath("$.urls[*].name").value(List.class, names -> assertThat(names)
                        .containsExactlyInAnyOrderElementsOf(FakeService.shortNames().keySet()))
                .jsonPath("$.urls[*].url").value(List.class, urls -> assertThat(urls)
                        .containsExactlyInAnyOrderElementsOf(FakeService.shortNames().keySet().stream()
                                .map(name -> "/v3/api-docs/" + name).toList()));

        String page = client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        client.get().uri(page).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
        client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertOnlyServiceCalled(null);
    }

    @Test
    void routedCallsGiveUpQuicklyOnServicesThatAreDownOrSlow(@Autowired HttpClientProperties httpClient,
            @Autowired GatewayProperties gateway, @Autowired EdgeProperties edge) {
        assertThat(httpClient.getConnectTimeout()).isEqualTo(2000);
        // Spring Cloud Gateway's own response timeout would arm a timer on another thread per request
        assertThat(httpClient.getResponseTimeout()).isNull();
        assertThat(edge.defaultReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(gateway.getRoutes()).allSatisfy(route -> {
            assertThat(route.getMetadata()).doesNotContainKey("response-timeout");
            if (!route.getId().endsWith("-api-docs")) {
                assertThat(route.getMetadata()).containsKey(ServiceCalls.READ_TIMEOUT);
            }
        });
    }

    /** Fails if any fake service other than {@code expected} (null: none) received a request. */
    private static void assertOnlyServiceCalled(String expected) {
        services.forEach((name, fake) -> {
            if (!name.equals(expected)) {
                assertThat(fake.received()).as("requests that reached %s", name).isEmpty();
            }
        });
    }
}
