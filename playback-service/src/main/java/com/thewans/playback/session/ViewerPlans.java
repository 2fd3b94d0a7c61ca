package com.thewans.playback.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.playback.PlaybackSettings;
import com.thewans.playback.media.Quality;

/**
 * How many streams at once and up to which quality a viewer may watch: the most generous of their
 * live subscriptions' plans, asked of payment-service (with the viewer's own token), else the
 * defaults for viewers without one. Plans change rarely and are public, so they are kept a while.
 */
@Component
class ViewerPlans {

    static final Duration PLAN_CACHE = Duration.ofMinutes(5);
    /** A PAST_DUE subscription still plays during payment's grace; EXPIRED and INCOMPLETE do not. */
    static final Set<String> PLAYING = Set.of("TRIALING", "ACTIVE", "PAST_DUE");

    /** Our view of payment's subscription and plan (tolerant readers). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Subscription(String plan, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Plan(String code, int maxStreams, String maxQuality, boolean withAds) {
    }

    /** What a viewer may do at once. {@code plan} is null for the defaults. */
    record Limits(String plan, int maxStreams, Quality maxQuality) {
    }

    private record Cached(Plan plan, Instant until) {
    }

    private final ServiceClient payment;
    private final PlaybackSettings settings;
    private final Clock clock;
    private final Map<String, Cached> plans = new ConcurrentHashMap<>();

    ViewerPlans(ServiceClients clients, PlaybackSettings settings, Clock clock) {
        this.payment = clients.forService("payment");
        this.settings = settings;
        this.clock = clock;
    }

    Limits of(UUID userId) {
        Subscription[] subscriptions = payment.get("/api/subscriptions/user/{userId}", Subscription[].class, userId);
        int streams = 0;
        Quality quality = null;
        String planCode = null;
        for (Subscription s : subscriptions == null ? new Subscription[0] : subscriptions) {
            Plan plan = s.plan() == null || !PLAYING.contains(s.status()) ? null : plan(s.plan());
            if (plan == null) {
                continue;
            }
            // two live subscriptions (a plan change in flight): the viewer gets the better of each
            streams = Math.max(streams, plan.maxStreams());
            Quality q = Quality.of(plan.maxQuality());
            if (quality == null || q.compareTo(quality) > 0) {
                quality = q;
                planCode = plan.code();
            }
        }
        return quality == null ? defaults() : new Limits(planCode, Math.max(1, streams), quality);
    }

    Limits defaults() {
        return new Limits(null, settings.defaultMaxStreams(), Quality.of(settings.defaultMaxQuality()));
    }

    private Plan plan(String code) {
        Instant now = clock.instant();
        Cached cached = plans.get(code);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.plan();
        }
        Plan plan = payment.find("/api/plans/{code}", Plan.class, code).orElse(null);
        plans.put(code, new Cached(plan, now.plus(PLAN_CACHE)));
        return plan;
    }
}
