package com.thewans.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.thewans.sandbox.StripeSandbox.Delivery;
import com.thewans.sandbox.StripeSandbox.WebhookEvent;

/**
 * Sends the sandbox's events to the webhook endpoint the way Stripe does: signed at each attempt,
 * off the API's thread, and retried with a growing pause. One payment's events go one at a time,
 * in the order they happened (Stripe itself does not promise that; a sandbox that does keeps tests
 * deterministic). Events made while no endpoint is set wait for one.
 */
final class StripeWebhooks implements AutoCloseable {

    private static final class Pending {
        final WebhookEvent event;
        int attempts;

        Pending(WebhookEvent event) {
            this.event = event;
        }
    }

    /** The queue of one ordering key; busy while an attempt or a retry pause is under way. */
    private static final class Lane {
        final String key;
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        boolean busy;

        Lane(String key) {
            this.key = key;
        }
    }

    private final String signingSecret;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstPause;
    private final Duration longestPause;
    private final HttpClient client = HttpIO.client();
    private final ScheduledExecutorService timers = HttpIO.timers("stripe-sandbox-webhooks");
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Lane> lanes = new HashMap<>();
    private URI target;
    private int toDrop;
    private int toDuplicate;

    StripeWebhooks(StripeSandbox.Settings settings) {
        this.signingSecret = settings.webhookSecret();
        this.clock = settings.clock();
        this.maxAttempts = settings.webhookAttempts();
        this.firstPause = settings.webhookFirstRetryPause();
        this.longestPause = settings.webhookLongestRetryPause();
        this.target = settings.webhookTarget();
    }

    synchronized void target(URI target) {
        this.target = target;
        if (target != null) {
            lanes.values().forEach(this::startIfIdle);
        }
    }

    synchronized void dropNext(int count) {
        toDrop += count;
    }

    synchronized void duplicateNext(int count) {
        toDuplicate += count;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void send(String orderingKey, WebhookEvent event) {
        if (toDrop > 0) {
            toDrop--;
            deliveries.add(new Delivery(event.id(), event.type(), 0, 0, "dropped by the sandbox, as asked"));
            return;
        }
        Lane lane = lanes.computeIfAbsent(orderingKey, Lane::new);
        lane.queue.add(new Pending(event));
        if (toDuplicate > 0) {
            toDuplicate--;
            lane.queue.add(new Pending(event));
        }
        startIfIdle(lane);
    }

    /** Sends an event again, as the Dashboard's "Resend" does, whatever was asked to be dropped. */
    synchronized void resend(String orderingKey, WebhookEvent event) {
        Lane lane = lanes.computeIfAbsent(orderingKey, Lane::new);
        lane.queue.add(new Pending(event));
        startIfIdle(lane);
    }

    private void startIfIdle(Lane lane) {
        if (!lane.busy && target != null && !lane.queue.isEmpty()) {
            lane.busy = true;
            run(() -> attempt(lane), Duration.ZERO);
        }
    }

    private void attempt(Lane lane) {
        Pending head;
        URI to;
        synchronized (this) {
            head = lane.queue.peek();
            to = target;
            if (head == null || to == null) {
                lane.busy = false;
                return;
            }
        }
        head.attempts++;
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(to)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", StripeWebhookSignature.header(head.event.payload(), signingSecret, timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(head.event.payload()))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    int status = response == null ? 0 : response.statusCode();
                    String error = failure == null ? null : String.valueOf(failure.getCause() == null
                            ? failure : failure.getCause());
                    deliveries.add(new Delivery(head.event.id(), head.event.type(), head.attempts, status, error));
                    finished(lane, head, status >= 200 && status < 300);
                });
    }

    private synchronized void finished(Lane lane, Pending head, boolean delivered) {
        if (delivered || head.attempts >= maxAttempts) {
            lane.queue.poll();
            if (lane.queue.isEmpty()) {
                lane.busy = false;
                lanes.remove(lane.key, lane);
            } else {
                run(() -> attempt(lane), Duration.ZERO);
            }
            return;
        }
        run(() -> attempt(lane), pauseAfter(head.attempts));
    }

    /** 0.2 s, 0.4 s, 0.8 s ... up to the longest pause, with the defaults. */
    private Duration pauseAfter(int attempts) {
        Duration pause = firstPause.multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    private void run(Runnable task, Duration after) {
        try {
            timers.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the sandbox is closing: what was not sent is dropped, as when Stripe's endpoint is deleted
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
