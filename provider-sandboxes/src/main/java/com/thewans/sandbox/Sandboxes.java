package com.thewans.sandbox;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Both sandboxes together: what devstack starts in-process when no real Stripe key is set, and a
 * {@link #main} to run them on their own. Closing it stops both.
 */
public final class Sandboxes implements AutoCloseable {

    private final StripeSandbox stripe;
    private final MobileMoneySandbox mobileMoney;

    private Sandboxes(StripeSandbox stripe, MobileMoneySandbox mobileMoney) {
        this.stripe = stripe;
        this.mobileMoney = mobileMoney;
    }

    public static Sandboxes start(StripeSandbox.Settings stripeSettings, MobileMoneySandbox.Settings mobileMoneySettings) {
        StripeSandbox stripe = StripeSandbox.start(stripeSettings);
        try {
            return new Sandboxes(stripe, MobileMoneySandbox.start(mobileMoneySettings));
        } catch (RuntimeException e) {
            stripe.close();
            throw e;
        }
    }

    /**
     * Both on the given ports (0 = a free one) with the local development credentials of
     * {@link SandboxDefaults}; Stripe events go to {@code stripeWebhookTarget} (null: kept until
     * {@code stripe().setWebhookTarget} is called).
     */
    public static Sandboxes startLocal(int stripePort, int mobileMoneyPort, URI stripeWebhookTarget) {
        return start(StripeSandbox.Settings.localDefaults().withPort(stripePort).withWebhookTarget(stripeWebhookTarget),
                MobileMoneySandbox.Settings.localDefaults().withPort(mobileMoneyPort));
    }

    /** As {@link #startLocal}, with the Stripe keys the caller's payment-service is configured with. */
    public static Sandboxes start(int stripePort, int mobileMoneyPort, URI stripeWebhookTarget, String stripeSecretKey,
                                  String stripeWebhookSecret) {
        return start(StripeSandbox.Settings.localDefaults().withPort(stripePort).withWebhookTarget(stripeWebhookTarget)
                        .withKeys(stripeSecretKey, stripeWebhookSecret),
                MobileMoneySandbox.Settings.localDefaults().withPort(mobileMoneyPort));
    }

    public StripeSandbox stripe() {
        return stripe;
    }

    public MobileMoneySandbox mobileMoney() {
        return mobileMoney;
    }

    @Override
    public void close() {
        try {
            mobileMoney.close();
        } finally {
            stripe.close();
        }
    }

    /**
     * Runs both until stopped. Options {@code --stripe-port=N}, {@code --mobile-money-port=N},
     * {@code --stripe-webhook-target=URL}, else the environment's STRIPE_SANDBOX_PORT,
     * MOBILE_MONEY_SANDBOX_PORT and STRIPE_WEBHOOK_TARGET, else ports 12111 and 12112 and no target.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        String stripePort = env.getOrDefault("STRIPE_SANDBOX_PORT", String.valueOf(SandboxDefaults.STRIPE_PORT));
        String mobileMoneyPort = env.getOrDefault("MOBILE_MONEY_SANDBOX_PORT",
                String.valueOf(SandboxDefaults.MOBILE_MONEY_PORT));
        String target = env.get("STRIPE_WEBHOOK_TARGET");
        for (String arg : args) {
            if (arg.startsWith("--stripe-port=")) {
                stripePort = arg.substring("--stripe-port=".length());
            } else if (arg.startsWith("--mobile-money-port=")) {
                mobileMoneyPort = arg.substring("--mobile-money-port=".length());
            } else if (arg.startsWith("--stripe-webhook-target=")) {
                target = arg.substring("--stripe-webhook-target=".length());
            } else {
                System.err.println("usage: Sandboxes [--stripe-port=N] [--mobile-money-port=N] "
                        + "[--stripe-webhook-target=URL]   (or STRIPE_SANDBOX_PORT, MOBILE_MONEY_SANDBOX_PORT, "
                        + "STRIPE_WEBHOOK_TARGET)");
                System.exit(arg.equals("--help") || arg.equals("-h") ? 0 : 2);
            }
        }
        URI webhookTarget = target == null || target.isBlank() ? null : URI.create(target);
        Sandboxes sandboxes = startLocal(Integer.parseInt(stripePort.trim()), Integer.parseInt(mobileMoneyPort.trim()),
                webhookTarget);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandboxes.close();
            stopped.countDown();
        }, "sandboxes-stop"));
        System.out.println("Stripe sandbox        " + sandboxes.stripe().url() + "  (local development key "
                + SandboxDefaults.STRIPE_SECRET_KEY + "; webhooks to "
                + (webhookTarget == null ? "nowhere yet: kept until a target is set" : webhookTarget) + ")");
        System.out.println("Mobile-money sandbox  " + sandboxes.mobileMoney().url() + "/collection  (API user "
                + SandboxDefaults.MOBILE_MONEY_API_USER + ", target environment "
                + SandboxDefaults.MOBILE_MONEY_TARGET_ENVIRONMENT + ")");
        System.out.println("Local development only; Ctrl-C stops both.");
        stopped.await();
    }
}
