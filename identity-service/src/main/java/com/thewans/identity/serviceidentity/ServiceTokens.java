package com.thewans.identity.serviceidentity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.stereotype.Service;

import com.thewans.identity.token.AccessTokens;
import com.thewans.identity.token.IssuedToken;

/**
 * Client-credentials tokens for services acting on their own behalf: role SERVICE, the client's
 * fixed subject, no session, a short life. Secrets are compared as hashes in constant time, and
 * an unknown client costs the same comparison, so timing tells nothing.
 */
@Service
class ServiceTokens {

    private static final byte[] NO_CLIENT = new byte[32];

    private final ServiceIdentitySettings settings;
    private final AccessTokens tokens;

    ServiceTokens(ServiceIdentitySettings settings, AccessTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    IssuedToken issue(String clientId, String secret) {
        ServiceIdentitySettings.Client client = settings.clients().get(clientId);
        byte[] expected = client == null ? NO_CLIENT : client.secretHash();
        boolean matches = MessageDigest.isEqual(expected, sha256(secret));
        if (client == null || !matches) {
            throw new InvalidClient();
        }
        return tokens.forService(client.subject(), clientId);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
