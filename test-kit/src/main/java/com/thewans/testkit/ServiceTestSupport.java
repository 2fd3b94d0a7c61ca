package com.thewans.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's integration tests share: the service running for real on a random port
 * (annotate the subclass with {@link WansServiceTest}), an HTTP client that sends what a browser or
 * another service would, the service's own database, and assertions for problems and for the
 * events its outbox holds. A service's {@code *TestSupport} extends this and adds only its own
 * fixtures (bodies, stubs of other services).
 */
public abstract class ServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected TestHttp http;

    @BeforeEach
    void connectToTheService() {
        http = TestHttp.localhost(port);
    }

    protected TestHttp http() {
        return TestHttp.localhost(port);
    }

    /** GET, with a bearer token unless it is null, and more headers as name, value pairs. */
    protected TestHttp.Response get(String path, String token, String... headers) {
        return send("GET", path, null, token, headers);
    }

    /** POST of a JSON body (or none), with a bearer token unless it is null. */
    protected TestHttp.Response post(String path, String body, String token, String... headers) {
        return send("POST", path, body, token, with(headers, "Content-Type", "application/json"));
    }

    protected TestHttp.Response put(String path, String body, String token, String... headers) {
        return send("PUT", path, body, token, with(headers, "Content-Type", "application/json"));
    }

    protected TestHttp.Response delete(String path, String token, String... headers) {
        return send("DELETE", path, null, token, headers);
    }

    protected TestHttp.Response send(String method, String path, String body, String token, String... headers) {
        String[] all = token == null ? headers : with(headers, "Authorization", TestHttp.bearer(token));
        return http().send(method, path, body, all);
    }

    /** The answer is a problem of this status and code, as JSON of the problem media type. */
    protected static void assertProblem(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }

    /** The data of this service's outbox events of a type whose {@code field} is {@code value}, oldest first. */
    protected List<JsonNode> outboxEvents(String type, String field, Object value) {
        return jdbc.queryForList("""
                select envelope::text from outbox_event where type = ? and envelope -> 'data' ->> ? = ?
                order by occurred_at, id""", String.class, type, field, String.valueOf(value)).stream()
                .map(envelope -> JSON.readTree(envelope).get("data")).toList();
    }

    private static String[] with(String[] headers, String name, String value) {
        List<String> all = new ArrayList<>(List.of(name, value));
        all.addAll(List.of(headers));
        return all.toArray(String[]::new);
    }
}
