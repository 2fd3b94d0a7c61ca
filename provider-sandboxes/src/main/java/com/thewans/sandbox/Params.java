package com.thewans.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of a Stripe request's parameters, refusing bad values with Stripe's wording. */
final class Params {

    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = values;
    }

    Map<String, Object> raw() {
        return values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw StripeFailure.invalid(name, "Invalid string: " + name + " must be a string, not an object.");
        }
        return text;
    }

    /** A string that is absent or empty reads as null, as Stripe treats {@code description=}. */
    String text(String name) {
        String value = string(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String required(String name) {
        String value = text(name);
        if (value == null) {
            throw StripeFailure.missingParam(name);
        }
        return value;
    }

    Long integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeFailure.invalid(name, "Invalid integer: " + value);
        }
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw StripeFailure.invalid(name, "Invalid boolean: " + value);
        };
    }

    Params map(String name) {
        Object value = values.get(name);
        if (value == null || "".equals(value)) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw StripeFailure.invalid(name, "Invalid object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return new Params(typed);
    }

    List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (!(value instanceof List<?> list)) {
            throw StripeFailure.invalid(name, "Invalid array");
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** A list of objects, such as {@code items[0][price]=...&items[1][price]=...}. */
    List<Params> objects(String name) {
        Object value = values.get(name);
        if (value == null || "".equals(value)) {
            return List.of();
        }
        Collection<?> entries;
        if (value instanceof List<?> list) {
            entries = list;
        } else if (value instanceof Map<?, ?> map) {
            entries = map.values();
        } else {
            throw StripeFailure.invalid(name, "Invalid array");
        }
        List<Params> result = new ArrayList<>();
        for (Object entry : entries) {
            if (entry == null) {
                continue;
            }
            if (!(entry instanceof Map<?, ?> map)) {
                throw StripeFailure.invalid(name, "Invalid array");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            result.add(new Params(typed));
        }
        return result;
    }

    /** Metadata as sent; Stripe caps it at 50 keys of 40 characters with values of 500. */
    Map<String, String> metadata() {
        Params metadata = map("metadata");
        Map<String, String> result = new LinkedHashMap<>();
        if (metadata == null) {
            return result;
        }
        if (metadata.values.size() > 50) {
            throw StripeFailure.invalid("metadata", "Invalid metadata: metadata cannot have more than 50 keys");
        }
        metadata.values.forEach((key, value) -> {
            if (!(value instanceof String text)) {
                throw StripeFailure.invalid("metadata[" + key + "]", "Invalid value for metadata[" + key + "]: must be a string");
            }
            if (key.length() > 40) {
                throw StripeFailure.invalid("metadata", "Invalid metadata: metadata keys must be at most 40 characters long");
            }
            if (text.length() > 500) {
                throw StripeFailure.invalid("metadata[" + key + "]", "Invalid metadata: metadata values must be at most 500 characters long");
            }
            result.put(key, text);
        });
        return result;
    }
}
