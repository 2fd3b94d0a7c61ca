package com.thewans.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestInfrastructure;
import com.thewans.testkit.TestTokens;
import com.thewans.gateway.resilience.RouteCircuitBreakers;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** One service down: its breaker opens and its routes fail fast; the other services' routes keep working. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wans.gateway.circuit-breaker.minimum-calls=4", "wans.gateway.circuit-breaker.window-size=4",
        "CIRCUIT_BREAKER_OPEN_FOR=30s"})
@AutoConfigureWebTestClient
class GatewayCircuitBreakerTest {

    private static FakeService rights;

    @DynamicPropertySource
    static void catalogIsDown(DynamicPropertyRegistry registry) throws IOException {
        rights = FakeService.start("rights-service");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.data.redis.url", () -> TestInfrastructure.get().redisUrl());
        registry.add("wans.security.jwks-uri", () -> TestTokens.jwksFile().toUri().toString());
        registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + closedPort);
        registry.add("RIGHTS_URL", rights::url);
    }

    @AfterAll
    static void stop() {
        rights.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    RouteCircuitBreakers breakers;

    @Test
    void aDeadServicesBreakerOpensAndItsRoutesFailFastWhileOthersAnswer() {
        String token = TestHttp.bearer(TestTokens.viewer(UUID.randomUUID()));
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/films").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().doesNotExist("Retry-After")
                    .expectBody().jsonPath("$.detail").isEqualTo("catalog-service is not available right now; try again shortly");
        }
        assertThat(breakers.state("catalog-service")).isEqualTo(CircuitBreaker.State.OPEN);

        // open: answered at once without trying the service, and told when to come back
        client.get().uri("/api/genres").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "30")
                .expectBody()
                .jsonPath("$.code").isEqualTo("dependency-unavailable")
                .jsonPath("$.dependency").isEqualTo("catalog-service")
                .jsonPath("$.detail").isEqualTo("catalog-service is unavailable right now; try again shortly");

        client.get().uri("/api/entitlements/mine").header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk();
        assertThat(breakers.state("rights-service")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(rights.received()).hasSize(1);
    }
}
