package com.thewans.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity's API as a client uses it, over real HTTP. Each instance sends its requests from its
 * own documentation-range address (X-Forwarded-For, trusted from loopback like from the gateway),
 * so the per-address sign-in throttle of one test never touches another.
 */
public final class IdentityApi {

    public static final String PASSWORD = "Kina-and-toea-42";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Tokens(String accessToken, String refreshToken, UUID userId, UUID sessionId, UUID deviceId,
            JsonNode body) {
    }

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();
    /** Counted, so no two accounts of a test run ever draw the same number. */
    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(ThreadLocalRandom.current().nextInt(9_000_000));

    private final int port;
    private final TestHttp http;
    private final String clientAddress;

    IdentityApi(int port) {
        this(port, nextAddress());
    }

    IdentityApi(int port, String clientAddress) {
        this.port = port;
        this.http = TestHttp.localhost(port);
        this.clientAddress = clientAddress;
    }

    public IdentityApi fromAnotherAddress() {
        return new IdentityApi(port, nextAddress());
    }

    public String clientAddress() {
        return clientAddress;
    }

    public TestHttp.Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public TestHttp.Response post(String path, Object body, Tokens as) {
        return send("POST", path, body, "Authorization", "Bearer " + as.accessToken());
    }

    public TestHttp.Response get(String path, Tokens as) {
        return send("GET", path, null, "Authorization", "Bearer " + as.accessToken());
    }

    public TestHttp.Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public TestHttp.Response delete(String path, Tokens as) {
        return send("DELETE", path, null, "Authorization", "Bearer " + as.accessToken());
    }

    public TestHttp.Response send(String method, String path, Object body, String... headers) {
        List<String> all = new ArrayList<>(
                List.of("X-Forwarded-For", clientAddress, "User-Agent", "IdentityApiTest/1.0"));
        if (body != null) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        all.addAll(List.of(headers));
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        return http.send(method, path, json, all.toArray(String[]::new));
    }

    /** A registered email account with {@link #PASSWORD}. */
    public String registerEmail() {
        String email = uniqueEmail();
        var response = post("/api/auth/register", Map.of("email", email, "password", PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return email;
    }

    public Tokens login(String email) {
        return login(email, "fingerprint-" + UUID.randomUUID());
    }

    public Tokens login(String email, String fingerprint) {
        var response = post("/api/auth/login", Map.of("email", email, "password", PASSWORD, "deviceName", "Test phone",
                "deviceType", "mobile", "fingerprint", fingerprint));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return tokens(response);
    }

    public TestHttp.Response tryLogin(Map<String, Object> fields) {
        return post("/api/auth/login", fields);
    }

    public Tokens newViewer() {
        return login(registerEmail());
    }

    public static Tokens tokens(TestHttp.Response response) {
        JsonNode body = response.json();
        return new Tokens(body.get("accessToken").asString(), body.get("refreshToken").asString(),
                UUID.fromString(body.get("userId").asString()), UUID.fromString(body.get("sessionId").asString()),
                body.get("deviceId").isNull() ? null : UUID.fromString(body.get("deviceId").asString()), body);
    }

    public static String uniqueEmail() {
        return "viewer-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    public static String uniquePhone() {
        return "+6757" + String.format("%07d", NEXT_PHONE.getAndIncrement() % 10_000_000);
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Documentation-range addresses (RFC 5737), a new one for each client of the test run. */
    private static String nextAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        String[] networks = {"203.0.113.", "198.51.100.", "192.0.2."};
        return networks[(n / 254) % 3] + (n % 254 + 1);
    }
}
