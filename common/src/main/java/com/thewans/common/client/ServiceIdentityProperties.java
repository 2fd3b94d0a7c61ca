package com.thewans.common.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wans.service-identity.client-id} and {@code client-secret}: the credentials a service that
 * calls others on its own behalf holds (identity keeps only the secret's SHA-256).
 */
@ConfigurationProperties("wans.service-identity")
public record ServiceIdentityProperties(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "ServiceIdentityProperties[" + clientId + "]";
    }
}
