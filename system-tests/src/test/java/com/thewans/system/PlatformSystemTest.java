package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.thewans.common.testing.TestHttp;
import com.thewans.devstack.Stack;
import com.thewans.devstack.StackOptions;

/**
 * The whole platform started the way ./wans up starts it (embedded PostgreSQL, Redis, S3 and SMTP,
 * the gateway and ten services as separate JVMs), on shifted ports so it never clashes with a
 * developer's running stack, and driven only through its public doors.
 */
class PlatformSystemTest {

    /** Ports 3001.. become 23001.., the gateway 28080, PostgreSQL 25432, Redis 26379. */
    static final int PORT_OFFSET = 20000;

    static Stack stack;
    static TestHttp gateway;

    @BeforeAll
    static void startThePlatform() {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        stack = Stack.start(StackOptions.builder()
                .repoRoot(repoRoot)
                .baseDir(repoRoot.resolve("system-tests/target/wans"))
                .portOffset(PORT_OFFSET)
                // eleven cold JVMs on two cores: about two minutes alone, far more on a busy machine
                .startTimeout(Duration.ofMinutes(12))
                .progress(System.out)
                .build());
        gateway = new TestHttp(stack.gatewayUrl());
    }

    @AfterAll
    static void stopThePlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    static final List<String> SERVICES = List.of("identity-service", "catalog-service", "rights-service",
            "payment-service", "playback-service", "transcoding-service", "recommendation-service",
            "advertising-service", "royalty-service", "notification-service");

    static Stream<String> services() {
        return SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceReportsHealthyWithItsDatabaseAndRedis(String service) {
        var health = new TestHttp(stack.serviceUrl(service)).get("/health");
        assertThat(health.status()).as(service + ": " + health.body()).isEqualTo(200);
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("redis").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theGatewayReportsHealthy() {
        var health = gateway.get("/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    static Stream<Arguments> routes() {
        Map<String, List<String>> prefixes = Map.of(
                "identity-service", List.of("/api/auth/probe", "/api/profile/probe"),
                "catalog-service", List.of("/api/films/probe", "/api/genres/probe"),
                "rights-service", List.of("/api/windows/probe", "/api/availability/probe", "/api/entitlements/probe"),
                "payment-service", List.of("/api/subscriptions/probe", "/api/plans/probe", "/api/transactions/probe",
                        "/api/coupons/probe", "/api/invoices/probe", "/api/webhooks/probe"),
                "playback-service", List.of("/api/playback/probe"),
                "transcoding-service", List.of("/api/transcode/probe"),
                "recommendation-service", List.of("/api/recommend/probe"),
                "advertising-service", List.of("/api/ads/probe"),
                "royalty-service", List.of("/api/royalty/probe"),
                "notification-service", List.of("/api/notify/probe"));
        return prefixes.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(path -> Arguments.of(path, e.getKey())));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("routes")
    void eachRoutePrefixReachesItsService(String path, String service) {
        var response = gateway.get(path);
        assertThat(response.header("Content-Type")).as(path + ": " + response.body())
                .startsWith("application/problem+json");
        // the answering service names itself in every problem it returns
        assertThat(response.json().get("service").asString()).as(path).isEqualTo(service);
    }

    @Test
    void identitysKeySetIsPublicThroughTheGateway() {
        var jwks = gateway.get("/.well-known/jwks.json");
        assertThat(jwks.status()).as(jwks.body()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("alg").asString()).isEqualTo("RS256");
        assertThat(jwks.json().get("keys").get(0).get("kid").asString()).isNotBlank();
    }

    @Test
    void anUnknownRouteIsTheGatewaysOwn404Problem() {
        var response = gateway.get("/api/no-such-prefix/anything");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("not-found");
        assertThat(response.json().get("service").asString()).isEqualTo("gateway");
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServicesApiDocumentIsServedThroughTheGateway(String service) {
        String shortName = service.substring(0, service.indexOf('-'));
        var docs = gateway.get("/v3/api-docs/" + shortName);
        assertThat(docs.status()).as(service + ": " + docs.body()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
    }

    @Test
    void oneSwaggerUiListsEveryService() {
        assertThat(gateway.get("/swagger-ui.html").status()).isIn(200, 302);
        var config = gateway.get("/v3/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains(SERVICES.stream().map(s -> "/v3/api-docs/" + s.substring(0, s.indexOf('-')))
                .toArray(String[]::new));
    }
}
