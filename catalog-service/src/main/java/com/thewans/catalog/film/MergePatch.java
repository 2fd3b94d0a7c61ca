package com.thewans.catalog.film;

import java.util.Map;

import com.thewans.common.problem.InvalidField;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** RFC 7396 JSON Merge Patch: objects merge member by member, null removes, anything else replaces. */
final class MergePatch {

    /** A film is a few kilobytes; a patch far larger than any film is refused before it is parsed. */
    static final int MAX_BYTES = 256 * 1024;

    private MergePatch() {
    }

    /**
     * The patch a request body holds. Read here rather than bound by Spring, so a body that is not
     * JSON, or not an object, is a field problem like every other bad patch.
     */
    static ObjectNode read(JsonMapper json, String body) {
        if (body == null || body.length() > MAX_BYTES) {
            throw new InvalidField("body", "must be a JSON object of at most " + MAX_BYTES + " bytes");
        }
        JsonNode patch;
        try {
            patch = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidField("body", "is not valid JSON");
        }
        if (!(patch instanceof ObjectNode object)) {
            throw new InvalidField("body", "a merge patch must be a JSON object");
        }
        return object;
    }

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
