package com.thewans.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * payment-service's own settings ({@code wans.payment.*} in application.yml, from environment
 * variables of the same meaning).
 *
 * @param stripe       the card provider
 * @param pendingFor   how long a payment may wait for the payer before it expires (PAYMENT_PENDING_FOR, 30 min)
 * @param sweepEvery   the pause between expiry sweeps (PAYMENT_SWEEP_EVERY, 1 min)
 */
@ConfigurationProperties("wans.payment")
public record PaymentSettings(Stripe stripe, Duration pendingFor, Duration sweepEvery) {

    public PaymentSettings {
        if (stripe == null) {
            throw new IllegalArgumentException("wans.payment.stripe is missing");
        }
        pendingFor = positive(pendingFor == null ? Duration.ofMinutes(30) : pendingFor, "pending-for");
        sweepEvery = positive(sweepEvery == null ? Duration.ofMinutes(1) : sweepEvery, "sweep-every");
    }

    /**
     * @param secretKey        STRIPE_SECRET_KEY; the local default is the sandbox's key
     * @param webhookSecret    STRIPE_WEBHOOK_SECRET, the endpoint's signing secret ({@code whsec_...})
     * @param apiBase          STRIPE_API_BASE; when empty, Stripe itself for a real key and the local
     *                         sandbox for the local development key
     * @param webhookTolerance how old a signed webhook may be (Stripe's default, 300 s)
     */
    public record Stripe(String secretKey, String webhookSecret, String apiBase, Duration webhookTolerance) {

        /** The local sandbox's key (a local development default, never a real credential). */
        static final String LOCAL_SANDBOX_KEY = "sk_test_wans_local_sandbox";

        public Stripe {
            if (secretKey == null || secretKey.isBlank() || webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalArgumentException(
                        "wans.payment.stripe.secret-key and webhook-secret (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET) are required");
            }
            if (apiBase == null || apiBase.isBlank()) {
                apiBase = secretKey.equals(LOCAL_SANDBOX_KEY) ? "http://127.0.0.1:12111" : "https://api.stripe.com";
            }
            apiBase = apiBase.replaceAll("/+$", "");
            webhookTolerance = positive(webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance,
                    "stripe.webhook-tolerance");
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wans.payment." + name + " must be positive: " + value);
        }
        return value;
    }
}
