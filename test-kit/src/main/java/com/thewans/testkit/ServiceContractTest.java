package com.thewans.testkit;

import static com.thewans.testkit.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

/**
 * What every WANS service promises the platform, checked against the real service: healthy with
 * its database and Redis, migrated in its own schema, metrics and API docs published, and every
 * error a problem that names the service. Each service runs it with an empty subclass.
 */
@WansServiceTest
public abstract class ServiceContractTest extends ServiceTestSupport {

    @Value("${spring.application.name}")
    protected String serviceName;

    @Value("${wans.service.schema}")
    protected String schema;

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
    void describesItsApiForClientDevelopers() {
        JsonNode docs = http().get("/v3/api-docs").json();
        assertThat(docs.get("info").get("title").asString()).as("wans.api.title").isNotEqualTo("OpenAPI definition");
        assertThat(docs.get("info").path("description").asString("")).as("wans.api.description").isNotBlank();
        assertThat(docs.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        List<String> undescribed = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = operation.getValue();
            if (op.path("summary").asString("").isBlank()) {
                undescribed.add(name + ": no summary");
            }
            op.path("tags").forEach(tag -> {
                if (tag.asString().endsWith("-controller")) {
                    undescribed.add(name + ": tag " + tag.asString() + " (name the capability)");
                }
            });
            if (!op.path("responses").has("401") && !op.path("responses").has("500")) {
                undescribed.add(name + ": no problem responses");
            }
        }));
        assertThat(undescribed).isEmpty();
    }

    @Test
    void keepsItsFeaturesApartAndOtherServicesOut() {
        assertThat(ServiceBoundaries.violations(getClass().getPackageName())).isEmpty();
    }

    @Test
    void answersRequestsTheContainerRefusesAsProblems() {
        for (String path : List.of("/api/films/%00", "/api/x/..%2f..%2fetc", "/api/" + "a".repeat(20_000))) {
            var refused = http().get(path);
            assertThat(refused.status()).as(path.substring(0, Math.min(path.length(), 40))).isBetween(400, 431);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("service").asString()).isEqualTo(serviceName);
            assertThat(refused.json().get("status").asInt()).isEqualTo(refused.status());
        }
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
