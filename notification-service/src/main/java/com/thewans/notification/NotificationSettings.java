package com.thewans.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * notification-service's own settings ({@code wans.notification.*}); environment variables of the
 * same names in devstack, compose and k8s.
 *
 * @param from              the From of every email (MAIL_FROM)
 * @param publicUrl         where clients reach the API, for links in messages (PUBLIC_API_URL)
 * @param appUrl            the web app, for links to films (WEB_APP_URL)
 * @param unsubscribeSecret the HMAC key of unsubscribe links (NOTIFY_UNSUBSCRIBE_SECRET)
 */
@ConfigurationProperties("wans.notification")
public record NotificationSettings(String from, String publicUrl, String appUrl, String unsubscribeSecret,
        Delivery delivery, Sms sms, Digest digest) {

    public NotificationSettings {
        require(from, "wans.notification.from (MAIL_FROM)");
        require(publicUrl, "wans.notification.public-url (PUBLIC_API_URL)");
        require(appUrl, "wans.notification.app-url (WEB_APP_URL)");
        require(unsubscribeSecret, "wans.notification.unsubscribe-secret (NOTIFY_UNSUBSCRIBE_SECRET)");
        if (unsubscribeSecret.length() < 16) {
            throw new IllegalArgumentException("wans.notification.unsubscribe-secret needs at least 16 characters");
        }
        delivery = delivery == null ? new Delivery(true, null, 0, 0, null, null, null, 0) : delivery;
        sms = sms == null ? new Sms(null, null, null, null, 0) : sms;
        digest = digest == null ? new Digest(true, null, null) : digest;
    }

    /**
     * @param enabled      whether this instance sends (NOTIFY_DELIVERY_ENABLED); every instance may
     * @param pollInterval the pause between passes when nothing woke it (500 ms)
     * @param batchSize    deliveries claimed per pass (100)
     * @param maxAttempts  tries before a failing delivery is given up (10)
     * @param firstRetry   the pause after the first failure, doubled each time (30 s)
     * @param maxRetry     the longest pause (1 h)
     * @param lease        how long a claimed delivery is this instance's before another may take it (2 min)
     * @param smtpConnections SMTP connections one instance sends a batch over at once (4)
     */
    public record Delivery(boolean enabled, Duration pollInterval, int batchSize, int maxAttempts,
            Duration firstRetry, Duration maxRetry, Duration lease, int smtpConnections) {

        public Delivery {
            pollInterval = positive(pollInterval, Duration.ofMillis(500), "delivery.poll-interval");
            batchSize = batchSize == 0 ? 100 : batchSize;
            maxAttempts = maxAttempts == 0 ? 10 : maxAttempts;
            firstRetry = positive(firstRetry, Duration.ofSeconds(30), "delivery.first-retry");
            maxRetry = positive(maxRetry, Duration.ofHours(1), "delivery.max-retry");
            lease = positive(lease, Duration.ofMinutes(2), "delivery.lease");
            smtpConnections = smtpConnections == 0 ? 4 : smtpConnections;
            if (batchSize < 1 || maxAttempts < 1 || smtpConnections < 1) {
                throw new IllegalArgumentException(
                        "wans.notification.delivery batch-size, max-attempts and smtp-connections must be positive");
            }
        }
    }

    /**
     * @param baseUrl       the SMS provider's API (SMS_API_BASE)
     * @param accountSid    the account (SMS_ACCOUNT_SID)
     * @param authToken     its token (SMS_AUTH_TOKEN)
     * @param sender        the sender id shown on phones (SMS_FROM)
     * @param perUserPerHour texts one user may get in an hour (SMS_PER_USER_PER_HOUR, 10)
     */
    public record Sms(String baseUrl, String accountSid, String authToken, String sender, int perUserPerHour) {

        public Sms {
            perUserPerHour = perUserPerHour == 0 ? 10 : perUserPerHour;
        }
    }

    /**
     * @param enabled      whether this instance sends digests
     * @param window       how long a release waits for others to join its digest (12 h)
     * @param pollInterval the pause between passes (1 min)
     */
    public record Digest(boolean enabled, Duration window, Duration pollInterval) {

        public Digest {
            window = positive(window, Duration.ofHours(12), "digest.window");
            pollInterval = positive(pollInterval, Duration.ofMinutes(1), "digest.poll-interval");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wans.notification." + name + " must be positive: " + value);
        }
        return value;
    }
}
