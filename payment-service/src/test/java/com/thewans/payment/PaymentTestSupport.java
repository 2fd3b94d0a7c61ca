package com.thewans.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.thewans.sandbox.SandboxDefaults;
import com.thewans.sandbox.StripeSandbox;
import com.thewans.testkit.MovableClock;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * payment-service for real on a random port against real PostgreSQL and Redis; stripe-java talks
 * HTTP to the Stripe-shaped sandbox, which delivers its signed webhooks back to the service;
 * rights' and identity's HTTP sides are stubbed; time is movable.
 */
@WansServiceTest
@Import(MovableClock.Config.class)
public abstract class PaymentTestSupport extends ServiceTestSupport {

    protected static final StripeSandbox STRIPE = StripeSandbox.start(StripeSandbox.Settings.localDefaults().withPort(0));
    protected static final PlatformStub PLATFORM = PlatformStub.get();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("wans.payment.stripe.api-base", STRIPE::url);
        registry.add("wans.payment.stripe.secret-key", () -> SandboxDefaults.STRIPE_SECRET_KEY);
        registry.add("wans.payment.stripe.webhook-secret", () -> SandboxDefaults.STRIPE_WEBHOOK_SECRET);
        registry.add("wans.clients.rights.url", PLATFORM::url);
        registry.add("wans.clients.identity.url", PLATFORM::url);
        // the sweep runs when a test says so
        registry.add("wans.payment.sweep-every", () -> "1h");
    }

    @Autowired
    protected MovableClock clock;

    protected final UUID viewerId = UUID.randomUUID();
    protected String viewer;
    protected String admin;

    @BeforeEach
    void providersPointHere() {
        STRIPE.setWebhookTarget(URI.create("http://127.0.0.1:" + port + "/api/webhooks/stripe"));
        PLATFORM.profileCountry("PG");
        clock.set(Instant.now());
        viewer = TestTokens.viewer(viewerId);
        admin = TestTokens.admin(UUID.randomUUID());
    }

    /** A purchase with its own fresh Idempotency-Key. */
    protected TestHttp.Response buy(String token, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Idempotency-Key";
        all[1] = UUID.randomUUID().toString();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post("/api/transactions", body, token, all);
    }

    protected static String rental(UUID filmId, String paymentMethod) {
        return paymentMethod == null ? """
                {"filmId": "%s", "kind": "RENTAL", "currency": "PGK"}""".formatted(filmId) : """
                {"filmId": "%s", "kind": "RENTAL", "currency": "PGK", "card": {"paymentMethod": "%s"}}"""
                .formatted(filmId, paymentMethod);
    }

    protected JsonNode transaction(String id, String token) {
        TestHttp.Response read = get("/api/transactions/" + id, token);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    /** Waits until the payment reaches this status (webhooks travel through the outbox). */
    protected JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(transaction(id, admin).get("status").asString()));
        return transaction(id, admin);
    }
}
