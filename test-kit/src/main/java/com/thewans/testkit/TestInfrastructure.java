package com.thewans.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.thewans.common.db.SchemaProvisioner;

/**
 * One real PostgreSQL and one real Redis per test JVM, shared by every test class in it. Where a
 * Docker engine answers, they run in Testcontainers; otherwise (these machines, a laptop without
 * Docker) as the embedded binaries Maven fetched: zonky's PostgreSQL 17 and Redis 6.2. Set
 * WANS_TEST_INFRA=embedded or =docker to choose explicitly. An S3-compatible store joins them
 * lazily ({@link #storage()}).
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    public static final String TEST_PASSWORD = "test-only-password";

    private static TestInfrastructure instance;

    private final String jdbcUrl;
    private final String adminUser;
    private final String adminPassword;
    private final String redisUrl;
    private final Map<String, Boolean> provisioned = new ConcurrentHashMap<>();
    private TestObjectStore storage;

    private TestInfrastructure(String jdbcUrl, String adminUser, String adminPassword, String redisUrl) {
        this.jdbcUrl = jdbcUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.redisUrl = redisUrl;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestInfrastructure start() {
        String choice = System.getenv().getOrDefault("WANS_TEST_INFRA", "auto");
        boolean docker = switch (choice) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> DockerSupport.available();
        };
        long started = System.nanoTime();
        TestInfrastructure infra = docker ? DockerSupport.start() : startEmbedded();
        log.info("Test PostgreSQL and Redis ({}) ready in {} ms", docker ? "Testcontainers" : "embedded",
                (System.nanoTime() - started) / 1_000_000);
        return infra;
    }

    static TestInfrastructure of(String jdbcUrl, String adminUser, String adminPassword, String redisUrl) {
        return new TestInfrastructure(jdbcUrl, adminUser, adminPassword, redisUrl);
    }

    private static TestInfrastructure startEmbedded() {
        try {
            var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            int redisPort = freePort();
            redis.embedded.RedisServer redisServer = redis.embedded.RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(redisPort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redisServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redisServer.stop();
                } catch (IOException e) {
                    // the JVM is going away anyway
                }
                try {
                    postgres.close();
                } catch (IOException e) {
                    // same
                }
            }, "test-infra-stop"));
            return new TestInfrastructure(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "redis://127.0.0.1:" + redisPort);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL/Redis for tests", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String redisUrl() {
        return redisUrl;
    }

    public DataSource adminDataSource() {
        return dataSource(adminUser, adminPassword);
    }

    public DataSource dataSource(String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /**
     * The JVM's S3-compatible store, started on first use (it takes seconds, so only tests that
     * ask for it with {@code @WansServiceTest(storage = true)} pay for it).
     */
    public synchronized TestObjectStore storage() {
        if (storage == null) {
            storage = TestObjectStore.start();
        }
        return storage;
    }

    /** Creates the schema and its role (named like the schema) once per JVM; returns the role. */
    public String provision(String schema) {
        provisioned.computeIfAbsent(schema, s -> {
            new SchemaProvisioner(adminDataSource()).provision(s, s, TEST_PASSWORD);
            return true;
        });
        return schema;
    }
}
