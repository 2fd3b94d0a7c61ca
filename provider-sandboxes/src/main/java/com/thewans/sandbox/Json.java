package com.thewans.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper the sandboxes share (Jackson 3, no modules needed for trees). */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }
}
