package com.thewans.sandbox;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A Stripe API error answer: an HTTP status and the {@code {"error": {...}}} body Stripe sends. */
final class StripeFailure extends RuntimeException {

    private final int status;
    private final ObjectNode error;

    private StripeFailure(int status, ObjectNode error) {
        super(error.path("message").asString(""), null, false, false);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    /** The whole body, {@code {"error": {...}}}. */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return body;
    }

    static StripeFailure of(int status, ObjectNode error) {
        return new StripeFailure(status, error);
    }

    static StripeFailure invalidRequest(int status, String code, String param, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", docUrl(code));
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", "invalid_request_error");
        return new StripeFailure(status, error);
    }

    static StripeFailure invalid(String param, String message) {
        return invalidRequest(400, null, param, message);
    }

    static StripeFailure missingParam(String param) {
        return invalidRequest(400, "parameter_missing", param, "Missing required param: " + param + ".");
    }

    static StripeFailure noSuch(String kind, String id, String param) {
        return invalidRequest(404, "resource_missing", param, "No such " + kind + ": '" + id + "'");
    }

    /** A lookup that names an object in the body (customer, payment_method) answers 400, not 404. */
    static StripeFailure noSuchReferenced(String kind, String id, String param) {
        return invalidRequest(400, "resource_missing", param, "No such " + kind + ": '" + id + "'");
    }

    static StripeFailure unexpectedState(String message) {
        return invalidRequest(400, "payment_intent_unexpected_state", null, message);
    }

    static StripeFailure idempotency(String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message);
        error.put("type", "idempotency_error");
        return new StripeFailure(400, error);
    }

    static String docUrl(String code) {
        return "https://stripe.com/docs/error-codes/" + code.replace('_', '-');
    }
}
