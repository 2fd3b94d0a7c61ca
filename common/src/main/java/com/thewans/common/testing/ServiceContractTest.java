package com.thewans.common.testing;

import static com.thewans.common.testing.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every WANS service promises the platform, checked against the real service: healthy with
 * its database and Redis, migrated in its own schema, metrics and API docs published, and every
 * error a problem that names the service. Each service runs it with an empty subclass.
 */
@WansServiceTest
public abstract class ServiceContractTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Value("${spring.application.name}")
    protected String serviceName;

    @Value("${wans.service.schema}")
    protected String schema;

    protected TestHttp http() {
        return TestHttp.localhost(port);
    }

    @Test
    void reportsHealthyWithItsDatabaseAndRedis() {
        var health = http().get("/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(http().get("/livez").status()).isEqualTo(200);
        assertThat(http().get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void ownsItsSchemaWithThePlatformTables() {
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(schema);
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = ?", String.class, schema);
        assertThat(tables).contains("outbox_event", "processed_event", "audit_log", "platform_schema_history",
                "flyway_schema_history");
    }

    @Test
    void publishesMetricsAndItsApiDocument() {
        var metrics = http().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests").contains("jvm_threads_live_threads");
        var docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
    }

    @Test
    void answersErrorsAsProblemsThatNameTheService() {
        var anonymous = http().get("/api/no-such-thing");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.json().get("service").asString()).isEqualTo(serviceName);

        var unknown = http().get("/api/no-such-thing", "Authorization", bearer(TestTokens.viewer(UUID.randomUUID())));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("https://thewans.com/problems/not-found");
        assertThat(unknown.json().get("service").asString()).isEqualTo(serviceName);

        var forged = http().get("/api/no-such-thing", "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asString()).isEqualTo("invalid-token");
    }
}
