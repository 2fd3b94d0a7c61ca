package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.json.JsonMapper;

/**
 * One person at one client address talking to the gateway, the way the web app would. Each visitor
 * has its own address (the gateway believes X-Forwarded-For from this machine, as from its ingress),
 * so one test's sign-in attempts never use up another's rate-limit bucket.
 */
final class Visitor {

    static final String PASSWORD = "Kina-and-toea-42";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    record Session(String accessToken, String refreshToken, UUID userId, UUID sessionId) {
        String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private final TestHttp gateway;
    private final String address;

    Visitor(TestHttp gateway) {
        this.gateway = gateway;
        int n = ADDRESSES.incrementAndGet();
        this.address = "10.201." + (n / 250) + "." + (n % 250 + 1);
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@system-test.thewans.test";
    }

    TestHttp.Response get(String path, Session as) {
        return send("GET", path, null, as);
    }

    TestHttp.Response send(String method, String path, Object body, Session as, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Forwarded-For", address));
        if (as != null) {
            all.addAll(List.of("Authorization", as.bearer()));
        }
        if (body != null) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        all.addAll(Arrays.asList(headers));
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        return gateway.send(method, path, json, all.toArray(String[]::new));
    }

    String register(String email) {
        var response = send("POST", "/api/auth/register", Map.of("email", email, "password", PASSWORD), null);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return email;
    }

    TestHttp.Response tryLogin(String email, String password) {
        return tryLogin(email, password, "fp-" + UUID.randomUUID());
    }

    TestHttp.Response tryLogin(String email, String password, String fingerprint) {
        return send("POST", "/api/auth/login", Map.of("email", email, "password", password, "deviceName",
                "System test browser", "deviceType", "web", "fingerprint", fingerprint), null);
    }

    Session login(String email) {
        return login(email, PASSWORD);
    }

    Session login(String email, String password) {
        var response = tryLogin(email, password);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return session(response);
    }

    static Session session(TestHttp.Response response) {
        var body = response.json();
        return new Session(body.get("accessToken").asString(), body.get("refreshToken").asString(),
                UUID.fromString(body.get("userId").asString()), UUID.fromString(body.get("sessionId").asString()));
    }

    /** A newly registered viewer, signed in. */
    Session newViewer() {
        return login(register(uniqueEmail("viewer")));
    }

    /** A new account made a CREATOR by the first administrator, signed in with that role. */
    Session newCreator() {
        return newCreator(uniqueEmail("creator"));
    }

    /** The same with the address the test will read the creator's mail at. */
    Session newCreator(String address) {
        String email = register(address);
        UUID id = login(email).userId();
        Visitor office = new Visitor(gateway);
        var granted = office.send("PUT", "/api/auth/admin/users/" + id + "/roles",
                Map.of("roles", List.of("CREATOR")), office.admin());
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return login(email); // a fresh token carries the new role
    }

    /**
     * The installation's first administrator, signed in, always from the same device: every story
     * signs the administrator in, and each new device would count against the account's limit.
     */
    Session admin() {
        var response = tryLogin(RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD, "fp-system-test-admin");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return session(response);
    }
}
