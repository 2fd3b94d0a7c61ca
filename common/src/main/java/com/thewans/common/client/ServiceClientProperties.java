package com.thewans.common.client;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wans.clients.catalog.url=http://localhost:3002}, with optional timeouts. */
@ConfigurationProperties("wans")
public record ServiceClientProperties(Map<String, Target> clients) {

    public ServiceClientProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    public record Target(String url, Duration connectTimeout, Duration readTimeout) {
    }
}
