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

import com.thewans.sandbox.MobileMoneySandbox;
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
 * HTTP to the Stripe-shaped sandbox, which delivers its signed webhooks back to the service; the
 * mobile-money wallets are the MoMo-shaped sandbox, which calls back through the platform's public
 * address; rights' and identity's HTTP sides are stubbed; time is movable.
 */
@WansServiceTest
@Import(MovableClock.Config.class)
public abstract class PaymentTestSupport extends ServiceTestSupport {

    protected static final StripeTime STRIPE_TIME = new StripeTime();
    protected static final StripeSandbox STRIPE = StripeSandbox.start(StripeSandbox.Settings.localDefaults().withPort(0)
            .withClock(STRIPE_TIME));
    /** Both wallets' provider: payers answer after 50 ms. */
    protected static final MobileMoneySandbox MOMO = MobileMoneySandbox.start(MobileMoneySandbox.Settings
            .localDefaults().withApprovalDelay(Duration.ofMillis(50)));
    /** The line to the second wallet, which a test may cut. */
    protected static final ProviderLine MICASH_LINE = ProviderLine.to(MOMO.port());
    protected static final PublicEdge EDGE = PublicEdge.get();
    protected static final PlatformStub PLATFORM = PlatformStub.get();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("wans.payment.stripe.api-base", STRIPE::url);
        registry.add("wans.payment.stripe.secret-key", () -> SandboxDefaults.STRIPE_SECRET_KEY);
        registry.add("wans.payment.stripe.webhook-secret", () -> SandboxDefaults.STRIPE_WEBHOOK_SECRET);
        registry.add("wans.payment.mobile-money.callback-base-url", EDGE::url);
        wallet(registry, "cellmoni", MOMO.url());
        wallet(registry, "micash", MICASH_LINE.url());
        registry.add("wans.clients.rights.url", PLATFORM::url);
        registry.add("wans.clients.identity.url", PLATFORM::url);
        // the sweep and the mobile-money poll run when a test says so
        registry.add("wans.payment.sweep-every", () -> "1h");
        registry.add("wans.payment.mobile-money.poll-every", () -> "1h");
        // a wallet too slow to answer is found out quickly
        registry.add("wans.payment.mobile-money.answer-timeout", () -> "3s");
    }

    private static void wallet(DynamicPropertyRegistry registry, String name, String baseUrl) {
        String prefix = "wans.payment.mobile-money.wallets." + name + ".";
        registry.add(prefix + "base-url", () -> baseUrl);
        registry.add(prefix + "api-user", () -> SandboxDefaults.MOBILE_MONEY_API_USER);
        registry.add(prefix + "api-key", () -> SandboxDefaults.MOBILE_MONEY_API_KEY);
        registry.add(prefix + "subscription-key", () -> SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY);
        registry.add(prefix + "target-environment", () -> SandboxDefaults.MOBILE_MONEY_TARGET_ENVIRONMENT);
        registry.add(prefix + "callback-secret", () -> SandboxDefaults.MOBILE_MONEY_CALLBACK_SECRET);
    }

    @Autowired
    protected MovableClock clock;

    protected final UUID viewerId = UUID.randomUUID();
    protected String viewer;
    protected String admin;

    @BeforeEach
    void providersPointHere() {
        STRIPE.setWebhookTarget(URI.create("http://127.0.0.1:" + port + "/api/webhooks/stripe"));
        EDGE.forwardTo(port);
        MICASH_LINE.restore();
        PLATFORM.profileCountry("PG");
        STRIPE_TIME.reset();
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

    /** A rental paid by mobile money through this wallet from this phone. */
    protected static String mobileMoneyRental(UUID filmId, String wallet, String phone) {
        return """
                {"filmId": "%s", "kind": "RENTAL", "currency": "PGK",
                 "mobileMoney": {"wallet": "%s", "phone": "%s"}}""".formatted(filmId, wallet, phone);
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
