package com.thewans.testkit;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application under test at the JVM's shared PostgreSQL (as its own role, in its own
 * schema, exactly as in production) and Redis, and at the test token key.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infra = TestInfrastructure.get();
        var environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        String schema = environment.getProperty("wans.service.schema");
        if (schema != null) {
            String role = infra.provision(schema);
            properties.put("spring.datasource.url", infra.jdbcUrl());
            properties.put("spring.datasource.username", role);
            properties.put("spring.datasource.password", TestInfrastructure.TEST_PASSWORD);
        }
        properties.put("spring.data.redis.url", infra.redisUrl());
        properties.put("wans.security.jwks-uri", TestTokens.jwksFile().toUri().toString());
        properties.put("wans.security.issuer", TestTokens.ISSUER);
        properties.put("wans.security.audience", TestTokens.AUDIENCE);
        // events move fast in tests; production keeps the calmer defaults
        properties.putIfAbsent("wans.events.relay-poll-interval", "100ms");
        properties.putIfAbsent("wans.events.consumer-block", "200ms");
        // tests never create buckets in whatever store happens to listen on the default port
        properties.putIfAbsent("wans.storage.create-buckets", "false");
        environment.getPropertySources().addFirst(new MapPropertySource("wans-test-infrastructure", properties));
    }
}
