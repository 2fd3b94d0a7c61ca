package com.thewans.payment;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * payment-service's own settings ({@code wans.payment.*} in application.yml, from environment
 * variables of the same meaning).
 *
 * @param stripe       the card provider
 * @param pendingFor   how long a payment may wait for the payer before it expires (PAYMENT_PENDING_FOR, 30 min)
 * @param sweepEvery   the pause between expiry sweeps (PAYMENT_SWEEP_EVERY, 1 min)
 * @param mobileMoney  the mobile-money wallets (none when left out)
 * @param subscriptions how the platform renews the subscriptions no provider renews for it (mobile money)
 */
@ConfigurationProperties("wans.payment")
public record PaymentSettings(Stripe stripe, Duration pendingFor, Duration sweepEvery, MobileMoney mobileMoney,
        Subscriptions subscriptions) {

    public PaymentSettings {
        if (stripe == null) {
            throw new IllegalArgumentException("wans.payment.stripe is missing");
        }
        mobileMoney = mobileMoney == null ? new MobileMoney(null, null, null, null) : mobileMoney;
        pendingFor = positive(pendingFor == null ? Duration.ofMinutes(30) : pendingFor, "pending-for");
        sweepEvery = positive(sweepEvery == null ? Duration.ofMinutes(1) : sweepEvery, "sweep-every");
        subscriptions = subscriptions == null ? new Subscriptions(null, null, null, null) : subscriptions;
    }

    /**
     * Renewals the platform makes itself, in the style of Kill Bill's overdue states: a request to pay
     * {@code renewBefore} the period ends; after a failed one the subscription is PAST_DUE and is asked
     * again after each of {@code retryAfter}; {@code grace} after the period's end without a paid
     * renewal it EXPIRES. Subscribers whose period will not renew by itself hear of it
     * {@code warnBefore} it ends (subscription.expiring_soon).
     *
     * @param renewBefore SUBSCRIPTION_RENEW_BEFORE (3 days): the payer has time to approve on their phone
     * @param retryAfter  SUBSCRIPTION_RETRY_AFTER (1 day, 2 days, 2 days): the pauses between the attempts
     * @param grace       SUBSCRIPTION_GRACE (7 days, longer than the attempts take)
     * @param warnBefore  SUBSCRIPTION_WARN_BEFORE (3 days)
     */
    public record Subscriptions(Duration renewBefore, List<Duration> retryAfter, Duration grace, Duration warnBefore) {

        public Subscriptions {
            renewBefore = positive(renewBefore == null ? Duration.ofDays(3) : renewBefore, "subscriptions.renew-before");
            retryAfter = List.copyOf(retryAfter == null
                    ? List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(2)) : retryAfter);
            retryAfter.forEach(pause -> positive(pause, "subscriptions.retry-after"));
            grace = positive(grace == null ? Duration.ofDays(7) : grace, "subscriptions.grace");
            warnBefore = positive(warnBefore == null ? Duration.ofDays(3) : warnBefore, "subscriptions.warn-before");
        }

        /** When a renewal that failed for the {@code attempts}-th time is asked again, or null: no more tries. */
        public Duration retryAfterAttempt(int attempts) {
            return attempts >= 1 && attempts <= retryAfter.size() ? retryAfter.get(attempts - 1) : null;
        }
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

    /**
     * Mobile-money wallets, each reached through the request-to-pay API MTN MoMo's Collection product
     * defined and other wallets copy.
     *
     * @param wallets         by name ({@code cellmoni}, ...): the name payers choose and callbacks are addressed to
     * @param callbackBaseUrl MOBILE_MONEY_CALLBACK_BASE_URL, the platform's public address wallets call back
     *                        (the gateway's); when empty, no callback is asked for and polling alone settles payments
     * @param pollEvery       MOBILE_MONEY_POLL_EVERY, the pause between polls of the requests still waiting (30 s)
     * @param answerTimeout   MOBILE_MONEY_ANSWER_TIMEOUT, how long a wallet may take to answer a call before it
     *                        counts as away (10 s; connecting may take 2 s more)
     */
    public record MobileMoney(Map<String, Wallet> wallets, String callbackBaseUrl, Duration pollEvery,
            Duration answerTimeout) {

        /** Where a wallet's callbacks arrive, followed by the wallet's name. */
        public static final String CALLBACK_PATH = "/api/webhooks/mobile-money/";
        private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

        public MobileMoney {
            wallets = wallets == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(wallets));
            for (Map.Entry<String, Wallet> wallet : wallets.entrySet()) {
                if (!NAME.matcher(wallet.getKey()).matches() || wallet.getValue() == null) {
                    throw new IllegalArgumentException("wans.payment.mobile-money.wallets." + wallet.getKey()
                            + ": a wallet is named with 1 to 40 of a-z, 0-9 and '-', and configured");
                }
            }
            callbackBaseUrl = callbackBaseUrl == null || callbackBaseUrl.isBlank() ? null
                    : httpUrl(callbackBaseUrl, "mobile-money.callback-base-url");
            pollEvery = positive(pollEvery == null ? Duration.ofSeconds(30) : pollEvery, "mobile-money.poll-every");
            answerTimeout = positive(answerTimeout == null ? Duration.ofSeconds(10) : answerTimeout,
                    "mobile-money.answer-timeout");
        }

        /** The URL a wallet is asked to call back, if callbacks are wanted. */
        public Optional<URI> callbackUrl(String wallet) {
            return Optional.ofNullable(callbackBaseUrl).map(base -> URI.create(base + CALLBACK_PATH + wallet));
        }
    }

    /**
     * One wallet's credentials at its provider (MoMo Collection's names). The environment variables for the
     * wallet named {@code cellmoni} are MOBILE_MONEY_CELLMONI_BASE_URL, ..._API_USER, ..._API_KEY,
     * ..._SUBSCRIPTION_KEY, ..._TARGET_ENVIRONMENT and ..._CALLBACK_SECRET.
     *
     * @param baseUrl           the API's base, below which {@code /collection/...} lies
     * @param apiUser           the API user (the Basic user name of the token call)
     * @param apiKey            the API user's key (the Basic password)
     * @param subscriptionKey   the {@code Ocp-Apim-Subscription-Key} every call carries
     * @param targetEnvironment the {@code X-Target-Environment} ({@code sandbox}, or the market's name)
     * @param callbackSecret    the key of the callbacks' {@code X-Callback-Signature} HMAC
     */
    public record Wallet(String baseUrl, String apiUser, String apiKey, String subscriptionKey,
            String targetEnvironment, String callbackSecret) {

        public Wallet {
            for (String value : new String[] {baseUrl, apiUser, apiKey, subscriptionKey, targetEnvironment,
                    callbackSecret}) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("a mobile-money wallet needs base-url, api-user, api-key,"
                            + " subscription-key, target-environment and callback-secret");
                }
            }
            baseUrl = httpUrl(baseUrl, "mobile-money.wallets.*.base-url");
        }

        /** Never the keys: settings end up in logs and error messages. */
        @Override
        public String toString() {
            return "Wallet[baseUrl=" + baseUrl + ", apiUser=" + apiUser + ", targetEnvironment=" + targetEnvironment
                    + ", keys hidden]";
        }
    }

    private static String httpUrl(String value, String name) {
        String url = value.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wans.payment." + name + " is not a URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("wans.payment." + name + " must be an http(s) URL: " + value);
        }
        return url;
    }

    private static Duration positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wans.payment." + name + " must be positive: " + value);
        }
        return value;
    }
}
