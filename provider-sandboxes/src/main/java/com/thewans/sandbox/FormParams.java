package com.thewans.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's form encoding read back into a tree: {@code metadata[transactionId]=7} becomes a map
 * under "metadata", {@code expand[]=a} and {@code expand[0]=a} become lists (stripe-java sends the
 * indexed form). Leaves are strings, as on the wire.
 */
final class FormParams {

    private FormParams() {
    }

    static Map<String, Object> parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            put(root, path(key), value);
        }
        return root;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** {@code a[b][]} → [a, b, ""]; a key with unbalanced brackets is taken whole. */
    private static List<String> path(String key) {
        List<String> parts = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0 || !key.endsWith("]")) {
            parts.add(key);
            return parts;
        }
        parts.add(key.substring(0, open));
        int position = open;
        while (position < key.length()) {
            int close = key.indexOf(']', position);
            if (key.charAt(position) != '[' || close < 0) {
                return List.of(key);
            }
            parts.add(key.substring(position + 1, close));
            position = close + 1;
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Object container = root;
        for (int i = 0; i < path.size(); i++) {
            String part = path.get(i);
            boolean last = i == path.size() - 1;
            // metadata keys are free text, so "metadata[7]" names a key, not a position
            boolean listNext = !last && !"metadata".equals(part) && isIndex(path.get(i + 1));
            Object child = last ? value : (listNext ? new ArrayList<>() : new LinkedHashMap<>());
            if (container instanceof Map<?, ?> map) {
                Map<String, Object> node = (Map<String, Object>) map;
                Object existing = node.get(part);
                if (last || existing == null || !sameKind(existing, child)) {
                    node.put(part, child);
                    container = child;
                } else {
                    container = existing;
                }
            } else {
                List<Object> list = (List<Object>) container;
                if (part.isEmpty()) {
                    list.add(child);
                    container = child;
                } else {
                    int index = Integer.parseInt(part);
                    while (list.size() <= index) {
                        list.add(null);
                    }
                    Object existing = list.get(index);
                    if (last || existing == null || !sameKind(existing, child)) {
                        list.set(index, child);
                        container = child;
                    } else {
                        container = existing;
                    }
                }
            }
        }
    }

    private static boolean isIndex(String part) {
        return part.isEmpty() || part.chars().allMatch(Character::isDigit) && part.length() < 6;
    }

    private static boolean sameKind(Object existing, Object wanted) {
        return existing instanceof Map<?, ?> == wanted instanceof Map<?, ?>
                && existing instanceof List<?> == wanted instanceof List<?>;
    }
}
