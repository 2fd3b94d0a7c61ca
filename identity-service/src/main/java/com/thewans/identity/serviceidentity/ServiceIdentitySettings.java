package com.thewans.identity.serviceidentity;

import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The services that may get tokens of their own, by client id. identity keeps only the SHA-256
 * of each secret; the service itself holds the secret ({@code wans.identity.service-identities}).
 *
 * @param clients client id (the service's name) to its fixed subject and secret hash
 */
public record ServiceIdentitySettings(Map<String, Client> clients) {

    public ServiceIdentitySettings {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        clients.forEach((id, client) -> {
            if (client.subject() == null || client.secretSha256() == null
                    || client.secretSha256().length() != 64) {
                throw new IllegalStateException("Service client " + id
                        + " needs a subject and a secret-sha256 of 64 hex digits");
            }
            HexFormat.of().parseHex(client.secretSha256());
        });
    }

    record Client(UUID subject, String secretSha256) {

        byte[] secretHash() {
            return HexFormat.of().parseHex(secretSha256);
        }
    }
}
