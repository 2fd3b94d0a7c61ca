package com.thewans.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackOptionsTest {

    private static String failure(Map<String, String> env) {
        try {
            StackOptions.fromEnvironment(env).build();
        } catch (DevstackException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + env + " to be rejected");
    }

    private static void assertOneLineNaming(String message, String variable) {
        assertThat(message).contains(variable).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aRedisUrlThatIsNotAUrlIsExplainedInOneLine() {
        String message = failure(Map.of("REDIS_URL", "foo"));
        assertOneLineNaming(message, "REDIS_URL=foo");
        assertThat(message).contains("redis://host:port");
    }

    @Test
    void aNonNumericPortIsExplainedInOneLine() {
        assertOneLineNaming(failure(Map.of("REDIS_URL", "redis://localhost:abc")), "REDIS_URL");
        assertOneLineNaming(failure(Map.of("REDIS_URL", "redis://localhost:70000")), "REDIS_URL");
        assertOneLineNaming(failure(Map.of("SMTP_HOST", "mail", "SMTP_PORT", "abc")), "SMTP_PORT=abc");
        assertOneLineNaming(failure(Map.of("DATABASE_URL", "jdbc:postgresql://db:x/wans",
                "DATABASE_ADMIN_USER", "postgres")), "DATABASE_URL");
    }

    @Test
    void anExternalDatabaseNeedsAJdbcUrlAndAnAdministrator() {
        assertOneLineNaming(failure(Map.of("DATABASE_URL", "postgres://db/wans", "DATABASE_ADMIN_USER", "p")),
                "jdbc:postgresql://host:port/database");
        assertOneLineNaming(failure(Map.of("DATABASE_URL", "jdbc:postgresql://db:5432/")), "names no database");
        assertOneLineNaming(failure(Map.of("DATABASE_URL", "jdbc:postgresql://db:5432/wans")), "DATABASE_ADMIN_USER");
    }

    @Test
    void credentialsInAMalformedUrlAreNotEchoed() {
        String message = failure(Map.of("DATABASE_URL", "postgres://admin:s3cret@db/wans?password=s3cret",
                "DATABASE_ADMIN_USER", "p"));
        assertThat(message).doesNotContain("s3cret");
    }

    @Test
    void s3AndSmtpMustBeNamedCompletely() {
        assertOneLineNaming(failure(Map.of("S3_ENDPOINT", "http://minio:9000")), "S3_ACCESS_KEY");
        assertOneLineNaming(failure(Map.of("S3_ENDPOINT", "minio:9000", "S3_ACCESS_KEY", "a", "S3_SECRET_KEY", "b")),
                "S3_ENDPOINT");
        assertOneLineNaming(failure(Map.of("SMTP_PORT", "25")), "SMTP_HOST");
    }

    @Test
    void stackSettingsAreValidated() {
        assertOneLineNaming(failure(Map.of("WANS_START_TIMEOUT", "soon")), "WANS_START_TIMEOUT=soon");
        assertOneLineNaming(failure(Map.of("WANS_START_TIMEOUT", "-5")), "WANS_START_TIMEOUT");
        assertOneLineNaming(failure(Map.of("WANS_TRANSCODING_WORKERS", "many")), "WANS_TRANSCODING_WORKERS");
        assertOneLineNaming(failure(Map.of("WANS_PORT_OFFSET", "60000")), "WANS_PORT_OFFSET");
    }

    @Test
    void validExternalsAreUsedAsGiven() {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.local:6543/platform",
                "DATABASE_ADMIN_USER", "admin", "DATABASE_ADMIN_PASSWORD", "pw",
                "REDIS_URL", "redis://cache:6380",
                "S3_ENDPOINT", "http://minio:9000", "S3_ACCESS_KEY", "a", "S3_SECRET_KEY", "b",
                "SMTP_HOST", "mail", "SMTP_PORT", "1025", "STRIPE_SECRET_KEY", "sk_test_a_real_account"));
        env.put("SMS_AUTH_TOKEN", "a-real-sms-token");
        StackOptions options = StackOptions.fromEnvironment(env).build();
        Externals x = options.externals();
        assertThat(x.database()).isEqualTo(new Externals.Database("jdbc:postgresql://db.local:6543/platform",
                "db.local", 6543, "platform", "admin", "pw"));
        assertThat(x.redis()).isEqualTo(new Externals.Redis("redis://cache:6380", "cache", 6380));
        assertThat(x.s3().endpoint()).isEqualTo("http://minio:9000");
        assertThat(x.smtp()).isEqualTo(new Externals.Smtp("mail", 1025));
        assertThat(x.realPaymentProviders()).isTrue();
        assertThat(x.realSmsProvider()).isTrue();

        Infrastructure infra = new Infrastructure(options);
        assertThat(infra.claims()).as("nothing embedded, so no ports claimed").isEmpty();
        assertThat(infra.serviceEnvironment())
                .containsEntry("DATABASE_URL", "jdbc:postgresql://db.local:6543/platform")
                .containsEntry("REDIS_URL", "redis://cache:6380")
                .containsEntry("S3_ENDPOINT", "http://minio:9000")
                .containsEntry("SMTP_HOST", "mail")
                .containsEntry("SMTP_PORT", "1025")
                // the real Stripe key reaches the services from the environment itself, never overwritten
                .doesNotContainKeys("STRIPE_API_BASE", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")
                .doesNotContainKeys("SMS_API_BASE", "SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN");
    }

    @Test
    void defaultsAndOffsetMoveEveryPort() {
        StackOptions options = StackOptions.fromEnvironment(Map.of("WANS_PORT_OFFSET", "20000",
                "WANS_START_TIMEOUT", "2m", "CATALOG_DB_PASSWORD", "from-env")).repoRoot(Path.of("/repo")).build();
        assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.transcodingWorkers()).isZero();
        assertThat(options.baseDir()).isEqualTo(Path.of("/repo/.wans"));
        assertThat(options.jarOf("catalog-service")).isEqualTo(Path.of("/repo/catalog-service/target/catalog-service.jar"));
        assertThat(options.databasePassword("catalog")).isEqualTo("from-env");
        assertThat(options.databasePassword("rights")).isEqualTo("dev-only-rights");

        Infrastructure infra = new Infrastructure(options);
        List<Integer> ports = infra.claims().stream().map(Ports.Claim::port).toList();
        assertThat(ports).containsExactly(25432, 26379, 29090, 29191, 23025, 32111, 32112, 32113);
        assertThat(infra.serviceEnvironment()).containsEntry("STRIPE_API_BASE", "http://127.0.0.1:32111")
                .containsEntry("MOBILE_MONEY_CELLMONI_BASE_URL", "http://127.0.0.1:32112")
                .containsEntry("MOBILE_MONEY_CALLBACK_BASE_URL", "http://localhost:28080")
                .containsEntry("SMS_API_BASE", "http://127.0.0.1:32113")
                .containsEntry("PUBLIC_API_URL", "http://localhost:28080");
    }

    @Test
    void commandLineOptionsOverrideTheEnvironment() {
        StackOptions options = Wans.upOptions(List.of("--transcoding-workers", "2", "--port-offset=100", "--timeout", "90"),
                Map.of("WANS_TRANSCODING_WORKERS", "1"));
        assertThat(options.transcodingWorkers()).isEqualTo(2);
        assertThat(options.portOffset()).isEqualTo(100);
        assertThat(options.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Wans.upOptions(List.of("--workers", "2"), Map.of()))
                .hasMessageContaining("unknown option --workers");
        assertThatThrownBy(() -> Wans.upOptions(List.of("--port-offset"), Map.of()))
                .hasMessageContaining("--port-offset needs a value");
    }

    @Test
    void unknownCommandsAreUsageErrors() {
        assertThat(Wans.run(new String[] {"start"})).isEqualTo(2);
        assertThat(Wans.run(new String[] {})).isEqualTo(2);
        assertThat(Wans.run(new String[] {"status", "--verbose"})).isEqualTo(2);
        assertThat(Wans.run(new String[] {"help"})).isZero();
    }

    @Test
    void everyAddressHandedToTheServicesFollowsThePortOffset() {
        Map<String, String> urls = StackOptions.fromEnvironment(Map.of("WANS_PORT_OFFSET", "20000")).build().stackUrls();
        assertThat(urls).containsEntry("CATALOG_URL", "http://localhost:23002")
                .containsEntry("NOTIFICATION_URL", "http://localhost:23010")
                .containsEntry("PLAYBACK_KEY_BASE_URL", "http://localhost:28080")
                .containsEntry("PLAYBACK_PUBLIC_BASE_URL", "http://localhost:28080")
                .containsEntry("ADS_PUBLIC_BASE_URL", "http://localhost:28080");
        assertThat(urls.values()).allSatisfy(url -> assertThat(url).doesNotContain(":8080").doesNotContain(":30"));
    }
}
