package com.thewans.playback.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.thewans.common.problem.InvalidField;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * W3C ClearKey licences (EME, "Clear Key"): the request is {@code {"kids":[base64url], "type":...}},
 * the answer a JSON Web Key Set with the film's key for the key id the player asked for. Asked for
 * other key ids, it answers none of them (a player asking for another film's key learns nothing).
 */
@Component
class ClearKeyLicences implements LicenceProvider {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_KIDS = 16;

    private final JsonMapper json;

    ClearKeyLicences(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String system() {
        return "clearkey";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] licence(byte[] request, ContentKey key) {
        JsonNode body;
        try {
            body = json.readTree(request);
        } catch (JacksonException e) {
            throw new InvalidField("kids", "the licence request must be ClearKey JSON: {\"kids\": [...]}");
        }
        JsonNode kids = body == null ? null : body.get("kids");
        if (kids == null || !kids.isArray() || kids.isEmpty() || kids.size() > MAX_KIDS) {
            throw new InvalidField("kids", "must list 1 to " + MAX_KIDS + " base64url key ids");
        }
        String ours = B64URL.encodeToString(key.keyId());
        List<Map<String, String>> keys = new ArrayList<>();
        for (JsonNode kid : kids) {
            if (ours.equals(kid.asString("").replace("=", ""))) {
                keys.add(Map.of("kty", "oct", "kid", ours, "k", B64URL.encodeToString(key.key())));
            }
        }
        // temporary: the licence lives as long as the player's session, never stored on the device
        return json.writeValueAsString(Map.of("keys", keys, "type", "temporary")).getBytes(StandardCharsets.UTF_8);
    }
}
