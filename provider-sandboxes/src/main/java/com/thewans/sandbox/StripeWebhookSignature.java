package com.thewans.sandbox;

/**
 * The {@code Stripe-Signature} header as Stripe computes it: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<payload>" keyed with the endpoint's signing secret>}. Public so tests can sign
 * a hand-made event the same way.
 */
public final class StripeWebhookSignature {

    private StripeWebhookSignature() {
    }

    public static String header(String payload, String signingSecret, long timestampSeconds) {
        return "t=" + timestampSeconds + ",v1=" + Hmac.sha256Hex(signingSecret, timestampSeconds + "." + payload);
    }
}
