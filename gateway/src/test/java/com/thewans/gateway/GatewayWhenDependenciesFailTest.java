package com.thewans.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.thewans.common.security.Role;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

/**
 * Services (and Redis) that are down, silent or hang up: the gateway answers each with a problem
 * that names the dependency, within WebTestClient's default 5 s timeout rather than hanging.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // production waits 30 s for a slow service; a short wait keeps the test short
        properties = {"wans.gateway.default-read-timeout=1s", "ROUTE_TIMEOUT_MS=1000",
                "SLOW_ROUTE_TIMEOUT_MS=1000"})
@AutoConfigureWebTestClient
class GatewayWhenDependenciesFailTest {

    /** Accepts connections (the kernel does, from its backlog) and never answers. */
    private static ServerSocket silent;
    /** Reads each request and closes the connection without answering. */
    private static ServerSocket hangingUp;

    @DynamicPropertySource
    static void pointAtBrokenServices(DynamicPropertyRegistry registry) throws IOException {
        if (silent == null) {
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            hangingUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread hangingUpService = new Thread(GatewayWhenDependenciesFailTest::hangUp, "hanging-up-service");
            hangingUpService.setDaemon(true);
            hangingUpService.start();
        }
        int closedPort = closedPort();
        registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + closedPort);
        registry.add("RIGHTS_URL", () -> "http://127.0.0.1:" + silent.getLocalPort());
        registry.add("PAYMENT_URL", () -> "http://127.0.0.1:" + hangingUp.getLocalPort());
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + closedPort);
        registry.add("wans.security.jwks-uri", () -> TestTokens.jwksFile().toUri().toString());
    }

    @AfterAll
    static void stopServers() throws IOException {
        silent.close();
        hangingUp.close();
    }

    /** A service's token belongs to no session, so it needs no revocation check in the (down) Redis. */
    private static final String SERVICE_TOKEN = TestHttp.bearer(TestTokens.builder(UUID.randomUUID(), Role.SERVICE)
            .claim("sid", null).compact());

    @Autowired
    WebTestClient client;

    @Test
    void aUsersTokenIsRefusedWith503WhenSignOutsCannotBeChecked() {
        // without Redis a signed-out session cannot be told from a live one: refuse, do not guess
        client.get().uri("/api/windows/w1")
                .header(HttpHeaders.AUTHORIZATION, TestHttp.bearer(TestTokens.viewer(UUID.randomUUID())))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("dependency-unavailable")
                .jsonPath("$.detail").isEqualTo("Sign-in state cannot be checked right now; try again shortly")
                .jsonPath("$.service").isEqualTo("gateway");
    }

    @Test
    void aServiceThatIsDownIsA503DependencyUnavailableProblem() {
        client.get().uri("/api/films?genre=drama").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://thewans.com/problems/dependency-unavailable")
                .jsonPath("$.code").isEqualTo("dependency-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.dependency").isEqualTo("catalog-service")
                .jsonPath("$.detail").isEqualTo("catalog-service is not available right now; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/films")
                .jsonPath("$.service").isEqualTo("gateway")
                .jsonPath("$.traceId").isNotEmpty();
    }

    @Test
    void aDownServicesApiDocsAreA503TooNotA500() {
        client.get().uri("/v3/api-docs/catalog").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.dependency").isEqualTo("catalog-service");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504Problem() {
        client.get().uri("/api/windows/w1").header(HttpHeaders.AUTHORIZATION, SERVICE_TOKEN).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("dependency-timeout")
                .jsonPath("$.dependency").isEqualTo("rights-service")
                .jsonPath("$.service").isEqualTo("gateway");
    }

    @Test
    void aServiceThatHangsUpIsA502Problem() {
        client.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, SERVICE_TOKEN).exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("bad-gateway")
                .jsonPath("$.dependency").isEqualTo("payment-service");
    }

    @Test
    void withoutRedisTheGatewayIsAliveButNotReady() {
        client.get().uri("/livez").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/readyz").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.redis.status").isEqualTo("DOWN");
        client.get().uri("/health").exchange()
                .expectStatus().isEqualTo(503);
    }

    private static void hangUp() {
        while (!hangingUp.isClosed()) {
            try (Socket connection = hangingUp.accept()) {
                readRequestHead(connection.getInputStream());
            } catch (IOException e) {
                // closed by stopServers, or the gateway gave up first
            }
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
