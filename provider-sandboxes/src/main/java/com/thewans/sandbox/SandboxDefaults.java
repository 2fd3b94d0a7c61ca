package com.thewans.sandbox;

/**
 * The sandboxes' local development defaults: LOCAL DEVELOPMENT ONLY, never a real credential. They
 * are public on purpose so payment-service's local configuration, devstack and tests agree with the
 * sandboxes without anyone copying a value. Real providers are reached only with real keys from
 * the environment (STRIPE_SECRET_KEY and friends), which these can never be.
 */
public final class SandboxDefaults {

    /** The port devstack gives the Stripe sandbox (payment-service's local STRIPE_API_BASE points here). */
    public static final int STRIPE_PORT = 12111;
    /** The port devstack gives the mobile-money sandbox. */
    public static final int MOBILE_MONEY_PORT = 12112;

    /** Local development only, never a real credential: the only API key the Stripe sandbox accepts by default. */
    public static final String STRIPE_SECRET_KEY = "sk_test_wans_local_sandbox";
    /** Local development only, never a real credential: the default webhook signing secret. */
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_wans_local_sandbox";

    /** Local development only, never a real credential: the MoMo API user. */
    public static final String MOBILE_MONEY_API_USER = "wans-local-sandbox";
    /** Local development only, never a real credential: the MoMo API key. */
    public static final String MOBILE_MONEY_API_KEY = "wans-local-sandbox-api-key";
    /** Local development only, never a real credential: the {@code Ocp-Apim-Subscription-Key}. */
    public static final String MOBILE_MONEY_SUBSCRIPTION_KEY = "wans-local-sandbox-subscription-key";
    /** MTN's name for its test environment, sent as {@code X-Target-Environment}. */
    public static final String MOBILE_MONEY_TARGET_ENVIRONMENT = "sandbox";
    /** Local development only, never a real credential: the key of the callback's {@code X-Callback-Signature}. */
    public static final String MOBILE_MONEY_CALLBACK_SECRET = "wans-local-sandbox-callback-secret";

    /** The port devstack gives the SMS sandbox (notification-service's local SMS_API_BASE points here). */
    public static final int SMS_PORT = 12113;
    /** Local development only, never a real credential: the SMS sandbox's account (Twilio-style sid). */
    public static final String SMS_ACCOUNT_SID = "ACwanslocalsandbox";
    /** Local development only, never a real credential: the SMS sandbox's auth token. */
    public static final String SMS_AUTH_TOKEN = "wans-local-sandbox-sms-token";

    private SandboxDefaults() {
    }
}
