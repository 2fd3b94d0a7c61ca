package com.thewans.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.DigestUtils;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.thewans.common.security.Role;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;


/**
 * The front door's security with fake services behind it and a real Redis: who may pass, what a
 * forged or stale token gets, what a client may not send, and the limits on how much and how often.
 * Every refusal is checked to have reached no service at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // small general buckets so a test can exhaust one; every other test uses its own user or address
        "RATE_LIMIT_REPLENISH_RATE=1", "RATE_LIMIT_BURST_CAPACITY=20", "MAX_REQUEST_BODY_SIZE=64KB"})
@AutoConfigureWebTestClient
class GatewayEdgeSecurityTest {

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

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME)
    RedisScript<?> limiterScript;

    @LocalServerPort
    int port;

    private static final AtomicInteger addresses = new AtomicInteger();

    /** Each test is its own client address, so the per-address buckets of one test never touch another's. */
    String clientAddress;

    @BeforeEach
    void freshClient() {
        services.values().forEach(FakeService::forget);
        int n = addresses.incrementAndGet();
        clientAddress = "10.99." + (n / 250) + "." + (n % 250 + 1);
        client = client.mutate().defaultHeader("X-Forwarded-For", clientAddress).build();
    }

    // --- who may pass -------------------------------------------------------------------------

    static Stream<Arguments> publicRequests() {
        return Stream.of(
                arguments("POST", "/api/auth/register", "identity-service"),
                arguments("POST", "/api/auth/login", "identity-service"),
                arguments("POST", "/api/auth/refresh", "identity-service"),
                arguments("GET", "/api/auth/wallet/nonce", "identity-service"),
                arguments("POST", "/api/auth/wallet/login", "identity-service"),
                arguments("GET", "/.well-known/jwks.json", "identity-service"),
                arguments("POST", "/api/webhooks/stripe", "payment-service"),
                arguments("POST", "/api/transcode/webhook", "transcoding-service"),
                arguments("GET", "/api/notify/unsubscribe?token=t", "notification-service"),
                arguments("POST", "/api/notify/unsubscribe?token=t", "notification-service"),
                arguments("GET", "/api/films", "catalog-service"),
                arguments("GET", "/api/films/6f1c2b9e-0000-4000-8000-000000000001", "catalog-service"),
                arguments("GET", "/api/genres", "catalog-service"),
                arguments("GET", "/api/availability/6f1c2b9e-0000-4000-8000-000000000001?territory=PG",
                        "rights-service"),
                arguments("POST", "/api/availability/bulk", "rights-service"),
                arguments("GET", "/api/playback/sessions/6f1c2b9e-0000-4000-8000-000000000001/master.m3u8?token=t",
                        "playback-service"),
                arguments("GET", "/api/playback/key/6f1c2b9e-0000-4000-8000-000000000001?token=t", "playback-service"),
                arguments("POST", "/api/playback/licence/clearkey?token=t", "playback-service"),
                arguments("GET", "/api/ads/beacons/impression?t=t", "advertising-service"),
                arguments("GET", "/api/ads/breaks/6f1c2b9e-0000-4000-8000-000000000001?b=b&s=s",
                        "advertising-service"),
                arguments("POST", "/api/ads/impression", "advertising-service"),
                arguments("GET", "/v3/api-docs/catalog", "catalog-service"));
    }

    @ParameterizedTest(name = "{0} {1} needs no token")
    @MethodSource("publicRequests")
    void publicRequestsPassWithoutAToken(String method, String path, String service) {
        send(method, path, null).expectStatus().is2xxSuccessful();
        assertThat(services.get(service).received()).hasSize(1);
    }

    static Stream<Arguments> protectedRequests() {
        return Stream.of(
                arguments("GET", "/api/profile"),
                arguments("POST", "/api/auth/logout"),
                arguments("GET", "/api/auth/sessions"),
                arguments("GET", "/api/entitlements/mine"),
                arguments("POST", "/api/films"),
                arguments("PATCH", "/api/films/6f1c2b9e-0000-4000-8000-000000000001"),
                arguments("GET", "/api/windows/film/6f1c2b9e-0000-4000-8000-000000000001"),
                arguments("GET", "/api/transcode/jobs"),
                arguments("GET", "/api/playback/sessions"),
                arguments("POST", "/api/playback/start"),
                arguments("GET", "/api/playback/resume"),
                arguments("GET", "/api/subscriptions/current"),
                arguments("GET", "/api/ads/serve/6f1c2b9e-0000-4000-8000-000000000001"),
                arguments("GET", "/api/ads/vmap/6f1c2b9e-0000-4000-8000-000000000001"),
                arguments("GET", "/api/auth/admin/users"));
    }

    @ParameterizedTest(name = "{0} {1} without a token is 401")
    @MethodSource("protectedRequests")
    void protectedRequestsWithoutATokenAre401AndReachNoService(String method, String path) {
        send(method, path, null)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.service").isEqualTo("gateway");
        assertNoServiceCalled();
    }

    static Stream<Arguments> roleRules() {
        return Stream.of(
                // method, path, role, allowed
                arguments("GET", "/api/auth/admin/users", Role.VIEWER, false),
                arguments("GET", "/api/auth/admin/users", Role.CREATOR, false),
                arguments("GET", "/api/auth/admin/users", Role.ADMIN, true),
                arguments("POST", "/api/auth/creator-applications/a1/approve", Role.CREATOR, false),
                arguments("POST", "/api/auth/creator-applications/a1/approve", Role.ADMIN, true),
                arguments("POST", "/api/auth/creator-applications", Role.VIEWER, true),
                arguments("POST", "/api/films", Role.VIEWER, false),
                arguments("POST", "/api/films", Role.CREATOR, true),
                arguments("PATCH", "/api/films/f1", Role.ADMIN, true),
                arguments("GET", "/api/transcode/jobs", Role.VIEWER, false),
                arguments("POST", "/api/transcode/jobs", Role.CREATOR, true),
                arguments("POST", "/api/genres", Role.CREATOR, false),
                arguments("POST", "/api/genres", Role.ADMIN, true),
                arguments("POST", "/api/windows", Role.CREATOR, false),
                arguments("POST", "/api/windows", Role.ADMIN, true),
                arguments("GET", "/api/windows/film/f1", Role.VIEWER, true),
                arguments("POST", "/api/windows/admin/w1/cancel", Role.CREATOR, false),
                arguments("GET", "/api/entitlements/mine", Role.VIEWER, true),
                arguments("GET", "/api/royalty/admin/payouts", Role.CREATOR, false),
                arguments("POST", "/api/notify/templates", Role.CREATOR, false),
                arguments("POST", "/api/notify/templates/t1/preview", Role.ADMIN, true),
                arguments("GET", "/api/notify/admin/deliveries", Role.VIEWER, false),
                arguments("GET", "/api/notify/user/u1", Role.VIEWER, true),
                arguments("POST", "/api/ads/campaigns", Role.CREATOR, false),
                arguments("GET", "/api/ads/campaigns/c1/report", Role.VIEWER, false),
                arguments("POST", "/api/ads/campaigns", Role.ADMIN, true),
                arguments("GET", "/api/ads/serve/f1", Role.VIEWER, true));
    }

    @ParameterizedTest(name = "{2} {0} {1}: allowed={3}")
    @MethodSource("roleRules")
    void rolesAreCheckedAtTheEdge(String method, String path, Role role, boolean allowed) {
        var response = send(method, path, TestTokens.forUser(UUID.randomUUID(), role));
        if (allowed) {
            response.expectStatus().is2xxSuccessful();
            assertThat(services.values().stream().mapToInt(s -> s.received().size()).sum()).isEqualTo(1);
        } else {
            response.expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("forbidden");
            assertNoServiceCalled();
        }
    }

    @Test
    void internalServiceEndpointsDoNotExistFromOutsideEvenForAnAdministrator() {
        for (String path : List.of("/api/transcode/internal/keys/f1", "/api/entitlements/internal/e1/started")) {
            send("GET", path, TestTokens.admin(UUID.randomUUID()))
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("not-found");
            send("GET", path, TestTokens.forUser(UUID.randomUUID(), Role.SERVICE)).expectStatus().isNotFound();
        }
        assertNoServiceCalled();
    }

    // --- forged, stale and revoked tokens -------------------------------------------------------

    static Stream<Arguments> forgedTokens() {
        return TestTokens.forgeries(UUID.randomUUID()).entrySet().stream()
                .map(e -> arguments(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void forgedOrStaleTokensAre401AndReachNoService(String attack, String token) {
        // API paths are verified as the request arrives, others (the API documents) once routed
        for (String path : List.of("/api/auth/admin/users", "/api/films", "/v3/api-docs/catalog")) {
            send("GET", path, token)
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("invalid-token")
                    .jsonPath("$.service").isEqualTo("gateway");
        }
        assertNoServiceCalled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedOutSessionPaths")
    void aTokenOfASignedOutSessionIsRefused(String path, String service) {
        UUID session = UUID.randomUUID();
        String token = TestTokens.builder(UUID.randomUUID(), Role.VIEWER).claim("sid", session.toString()).compact();
        send("GET", path, token).expectStatus().isOk();

        // what identity writes on logout, sign-out-everywhere or a reused refresh token
        redis.opsForValue().set("revoked-session:" + session, "1", Duration.ofMinutes(5)).block();

        send("GET", path, token)
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.code").isEqualTo("invalid-token")
                .jsonPath("$.detail").isEqualTo("This session has been signed out");
        assertThat(services.get(service).received()).hasSize(1);
    }

    /** An API path (asked about on arrival) and one outside the API (asked about once routed). */
    static Stream<Arguments> signedOutSessionPaths() {
        return Stream.of(arguments("/api/profile", "identity-service"),
                arguments("/v3/api-docs/catalog", "catalog-service"));
    }

    @Test
    void anythingButABearerTokenIsRefused() {
        client.get().uri("/api/profile").header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=").exchange()
                .expectStatus().isUnauthorized();
        assertNoServiceCalled();
    }

    // --- what a client may not send ------------------------------------------------------------

    @Test
    void clientSentIdentityHeadersOpenNoDoor() {
        UUID admin = UUID.randomUUID();
        client.get().uri("/api/auth/admin/users")
                .header("X-User-Id", admin.toString())
                .header("X-User-Roles", "ADMIN")
                .header("X-Roles", "ADMIN")
                .header("X-Authenticated-User", admin.toString())
                .exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/auth/admin/users")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.viewer(UUID.randomUUID())))
                .header("X-User-Roles", "ADMIN")
                .exchange()
                .expectStatus().isForbidden();
        assertNoServiceCalled();
    }

    @Test
    void spoofableHeadersAreStrippedAndTheGatewaysRequestIdReplacesTheClients() {
        var result = client.get().uri("/api/profile")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.viewer(UUID.randomUUID())))
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-Internal-Route", "royalty-service")
                .header("X-Service-Name", "payment-service")
                .header("X-Http-Method-Override", "DELETE")
                .header("X-Request-Id", "client-chosen-id")
                .header("X-Film-Hint", "kept")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class);

        var headers = services.get("identity-service").received().get(0).headers();
        assertThat(headers.getFirst("X-User-Id")).isNull();
        assertThat(headers.getFirst("X-Internal-Route")).isNull();
        assertThat(headers.getFirst("X-Service-Name")).isNull();
        assertThat(headers.getFirst("X-Http-Method-Override")).isNull();
        assertThat(headers.getFirst("X-Film-Hint")).isEqualTo("kept");
        String requestId = headers.getFirst("X-Request-Id");
        assertThat(requestId).isNotEqualTo("client-chosen-id").matches("[0-9a-f-]{36}");
        assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
        // the trace goes on to the service (it travels in the Reactor context, not in thread locals)
        assertThat(headers.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void aPlainRequestReachesTheServiceWithTheGatewaysRequestId() {
        var result = client.get().uri("/api/profile")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.viewer(UUID.randomUUID())))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class);

        String requestId = services.get("identity-service").received().get(0).headers().getFirst("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void aCallersTraceIsContinuedAndTheServiceGetsTheGatewaysSpanNotTheCallersHeader() {
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        client.get().uri("/api/profile")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.viewer(UUID.randomUUID())))
                .header("traceparent", "00-" + callerTrace + "-" + callerSpan + "-01")
                .exchange()
                .expectStatus().isOk();

        String forwarded = services.get("identity-service").received().get(0).headers().getFirst("traceparent");
        assertThat(forwarded).startsWith("00-" + callerTrace + "-").endsWith("-01");
        assertThat(forwarded.split("-")[2]).matches("[0-9a-f]{16}").isNotEqualTo(callerSpan);
        assertThat(services.get("identity-service").received().get(0).headers().get("traceparent")).hasSize(1);
    }

    @Test
    void pathsThatWouldMeanSomethingElseToTheServiceAreRefused() {
        for (String path : List.of("/api/films/..%2Fwindows", "/api/films/%2e%2e/auth/admin/users",
                "/api/films;jsessionid=1/x", "/api/films/%2fadmin")) {
            client.get().uri(java.net.URI.create("http://localhost:" + port + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("malformed-path");
        }
        assertNoServiceCalled();
    }

    // --- limits ---------------------------------------------------------------------------------

    @Test
    void aBodyLargerThanTheLimitIs413BeforeAnyServiceSeesIt() {
        byte[] big = new byte[65 * 1024];
        client.post().uri("/api/films")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.creator(UUID.randomUUID())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
        assertNoServiceCalled();

        client.post().uri("/api/films")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.creator(UUID.randomUUID())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Tanna\"}")
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void signInIsLimitedPerClientAddressWithA429ProblemAndRetryAfter() {
        // ten quick attempts per address (bucket of 30, 3 a request), then one every three seconds
        int allowed = 0;
        WebTestClient.ResponseSpec refused = null;
        for (int i = 0; i < 15 && refused == null; i++) {
            var response = client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange();
            var status = response.returnResult(String.class).getStatus();
            if (status.value() == 429) {
                refused = client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}").exchange();
            } else {
                allowed++;
            }
        }
        assertThat(allowed).isBetween(10, 11);
        assertThat(refused).isNotNull();
        refused.expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("too-many-requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.service").isEqualTo("gateway");
        assertThat(services.get("identity-service").received()).hasSize(allowed);

        // another address is not affected
        client.post().uri("/api/auth/login").header("X-Forwarded-For", "198.51.100.9")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().is2xxSuccessful();
    }

    @Test
    void signedInCallersAreLimitedPerUserNotPerAddress() {
        String greedy = TestHttp.bearer(TestTokens.viewer(UUID.randomUUID()));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // a different address every time: the bucket follows the user
            statuses.add(client.get().uri("/api/entitlements/mine").header(HttpHeaders.AUTHORIZATION, greedy)
                    .header("X-Forwarded-For", "192.0.2." + (i + 1)).exchange()
                    .returnResult(String.class).getStatus().value());
        }
        assertThat(statuses).contains(429);
        assertThat(statuses.subList(0, 20)).containsOnly(200);

        client.get().uri("/api/entitlements/mine")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.viewer(UUID.randomUUID())))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theGeneralLimitIsOneBucketPerClientForTheWholeApi() {
        // a fresh budget on every route would let a client spend the burst once per service it calls
        String busy = TestHttp.bearer(TestTokens.viewer(UUID.randomUUID()));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String path = i % 2 == 0 ? "/api/entitlements/mine" : "/api/films";
            statuses.add(client.get().uri(path).header(HttpHeaders.AUTHORIZATION, busy).exchange()
                    .returnResult(String.class).getStatus().value());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(statuses.subList(20, 40)).contains(429);
    }

    @Test
    void anApiRequestsLimitIsAskedAsItArrivesBeforeItsRouteIsKnown() {
        // no route has this path, yet its client's bucket was asked (QuestionsOnArrival); health was not
        client.get().uri("/api/no-such-thing").exchange().expectStatus().isNotFound();
        assertThat(redis.hasKey("request_rate_limiter.{all-routes.ip:" + clientAddress + "}.tokens").block())
                .isTrue();

        String other = "198.51.100.77";
        client.get().uri("/health").header("X-Forwarded-For", other).exchange().expectStatus().isOk();
        assertThat(redis.hasKey("request_rate_limiter.{all-routes.ip:" + other + "}.tokens").block()).isFalse();
    }

    @Test
    void theLimiterScriptIsReadFromTheJarOnceNotOnEveryRequest() throws Exception {
        String shipped = new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(limiterScript.getScriptAsString()).isEqualTo(shipped);
        // a resource-backed script is checked for changes on each call: in the packaged gateway that opened
        // the nested jar and threw an exception per request
        assertThat(ReflectionTestUtils.getField(limiterScript, "scriptSource")).isInstanceOf(StaticScriptSource.class);
        assertThat(limiterScript.getSha1()).isEqualTo(DigestUtils.sha1DigestAsHex(shipped));
    }

    // --- browsers ---------------------------------------------------------------------------------

    @Test
    void theWebAppsOriginMayCallTheApiAndOthersMayNot() {
        client.options().uri("/api/profile")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
        client.options().uri("/api/profile")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden();
        // the app can read even a refusal
        client.get().uri("/api/profile").header(HttpHeaders.ORIGIN, "http://localhost:3010").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3010");
        assertNoServiceCalled();
    }

    @Test
    void everyAnswerCarriesTheBrowserSecurityHeaders() {
        client.get().uri("/api/films").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        client.get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        // behind the TLS-terminating ingress (a trusted proxy) browsers are told to stay on HTTPS
        client.get().uri("/api/films").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec send(String method, String path, String token) {
        var spec = client.method(HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(token));
        }
        if (!method.equals("GET")) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        }
        return spec.exchange();
    }

    private static void assertNoServiceCalled() {
        services.forEach((name, fake) -> assertThat(fake.received()).as("requests that reached %s", name).isEmpty());
    }
}
