package com.thewans.testkit;

/**
 * Testcontainers path of {@link TestInfrastructure}, in its own class so that machines without
 * Testcontainers on the classpath never load it.
 */
final class DockerSupport {

    private DockerSupport() {
    }

    static boolean available() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    static TestInfrastructure start() {
        var postgres = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
        postgres.start();
        var redis = new org.testcontainers.containers.GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redis.start();
        return TestInfrastructure.of(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
                "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
    }
}
