package com.thewans.common.config;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts the settings every servlet service shares (database as its own role and schema, Redis,
 * health groups, tracing, JPA rules) beneath the service's own application.yml, so each service
 * file only says what is its own: name, port, schema. Anything here can still be overridden by
 * the service file or by environment variables.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "wans/service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty("wans.service.schema")) {
            return; // the gateway and plain tools are not schema-owning services
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("wans-service-defaults", new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }
}
