package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.thewans.testkit.TestHttp;
import com.thewans.devstack.Stack;

/** The platform as ./wans up starts it: every part healthy and reachable through its public doors. */
@Order(1)
@ExtendWith(RunningPlatform.class)
class PlatformSystemTest {

    static Stack stack;
    static TestHttp gateway;
    static Visitor.Session admin;

    @BeforeAll
    static void startThePlatform() {
        stack = RunningPlatform.stack();
        gateway = RunningPlatform.gateway();
        admin = new Visitor(gateway).admin();
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
        // an administrator passes every edge rule, so the answer comes from the service behind the route
        var response = gateway.get(path, "Authorization", admin.bearer());
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
