package com.thewans.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.thewans.notification.NotificationSettings;
import com.thewans.notification.Poller;
import com.thewans.notification.kind.Channel;

/**
 * Sends what is due: claims a batch of queued deliveries ({@code FOR UPDATE SKIP LOCKED}, so
 * instances share the queue), sends each once, and records the outcome. A transient failure
 * (SMTP or SMS down, timing out, 4xx) waits with exponential backoff and jitter and is tried again,
 * up to the attempt limit; a permanent one (a refused address) stops at once and is listed for
 * admins. It wakes as soon as a notification is committed and otherwise polls.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final EmailSender email;
    private final SmsGateway sms;
    private final SmsAllowance allowance;
    private final Clock clock;
    private final NotificationSettings.Delivery settings;
    private final Backoff backoff;
    private final Poller poller;

    DeliveryWorker(Deliveries deliveries, EmailSender email, SmsGateway sms, SmsAllowance allowance, Clock clock,
            NotificationSettings settings) {
        this.deliveries = deliveries;
        this.email = email;
        this.sms = sms;
        this.allowance = allowance;
        this.clock = clock;
        this.settings = settings.delivery();
        this.backoff = new Backoff(this.settings.firstRetry(), this.settings.maxRetry(), new Random());
        this.poller = new Poller("notification-delivery", this::sendDue, this.settings.batchSize(),
                this.settings.pollInterval());
    }

    /** Something was queued: look now instead of at the next poll. */
    public void wake() {
        poller.wake();
    }

    /** One pass: claims a batch, sends it, records what happened; the number of deliveries it handled. */
    public int sendDue() {
        Instant now = clock.instant();
        List<ClaimedDelivery> claimed = deliveries.claim(now, settings.batchSize(), settings.lease());
        List<ClaimedDelivery> emails = new ArrayList<>();
        for (ClaimedDelivery delivery : claimed) {
            if (delivery.destination() == null || delivery.destination().isBlank()) {
                record(delivery, new Outcome.NoAddress("no " + delivery.channel().name().toLowerCase()
                        + " address known for the user"));
            } else if (delivery.channel() == Channel.EMAIL) {
                emails.add(delivery);
            } else if (delivery.channel() == Channel.SMS) {
                Instant nextHour = allowance.take(delivery.userId(), now);
                if (nextHour != null) {
                    deliveries.postpone(delivery, nextHour);
                } else {
                    record(delivery, sms.send(delivery.destination(), delivery.text()));
                }
            }
        }
        if (!emails.isEmpty()) {
            Map<ClaimedDelivery, String> sent = new LinkedHashMap<>();
            email.send(emails).forEach((delivery, outcome) -> {
                if (outcome instanceof Outcome.Sent done) {
                    sent.put(delivery, done.providerId());
                } else {
                    record(delivery, outcome);
                }
            });
            deliveries.markSent(sent, clock.instant());
        }
        return claimed.size();
    }

    private void record(ClaimedDelivery delivery, Outcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof Outcome.Sent sent) {
            deliveries.markSent(java.util.Collections.singletonMap(delivery, sent.providerId()), now);
        } else if (outcome instanceof Outcome.Permanent permanent) {
            log.warn("Delivery {} ({}) failed for good: {}", delivery.id(), delivery.channel(), permanent.error());
            deliveries.markFailed(delivery, permanent.error(), now);
        } else if (outcome instanceof Outcome.Transient failure) {
            if (delivery.attempt() >= settings.maxAttempts()) {
                log.warn("Delivery {} ({}) gave up after {} attempts: {}", delivery.id(), delivery.channel(),
                        delivery.attempt(), failure.error());
                deliveries.markFailed(delivery, "gave up after " + delivery.attempt() + " attempts: "
                        + failure.error(), now);
            } else {
                deliveries.retryAt(delivery, now.plus(backoff.after(delivery.attempt())), failure.error(), now);
            }
        } else if (outcome instanceof Outcome.NoAddress missing) {
            if (delivery.attempt() >= settings.maxAttempts()) {
                deliveries.markSuppressed(delivery, missing.error(), now);
            } else {
                deliveries.retryAt(delivery, now.plus(backoff.after(delivery.attempt())), missing.error(), now);
            }
        }
    }

    @Override
    public void start() {
        if (settings.enabled()) {
            poller.start();
        }
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public boolean isRunning() {
        return poller.isRunning();
    }
}
