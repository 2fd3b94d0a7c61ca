package com.thewans.recommendation.row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;
import com.thewans.recommendation.RecommendationSettings;

import tools.jackson.databind.json.JsonMapper;

/**
 * A viewer's profile, asked of identity with the viewer's own token (as common's ViewerCountry
 * does) at most once per {@code profile-ttl}, the copy kept in Redis. When identity cannot answer,
 * the last copy serves (stale, not broken); with no copy at all the viewer gets no stated
 * languages or genres and the {@code unknown-maturity} limit, not a failure.
 */
@Component
class ViewerProfiles {

    private static final Logger log = LoggerFactory.getLogger(ViewerProfiles.class);
    /** An old copy is still better than nothing while identity is down; after a month it is dropped. */
    private static final Duration KEEP = Duration.ofDays(30);

    private final ServiceClient identity;
    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration ttl;
    private final String unknownMaturity;

    ViewerProfiles(ServiceClients clients, StringRedisTemplate redis, JsonMapper json, Clock clock,
            RecommendationSettings settings) {
        this.identity = clients.forService("identity");
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.ttl = settings.profileTtl();
        this.unknownMaturity = settings.unknownMaturity();
    }

    /** The calling viewer's own profile (the request carries their token to identity). */
    ViewerProfile own(UUID userId) {
        Instant now = clock.instant();
        Optional<ViewerProfile> kept = kept(userId);
        if (kept.isPresent() && kept.get().readAt() != null && kept.get().readAt().plus(ttl).isAfter(now)) {
            return kept.get();
        }
        try {
            ViewerProfile read = identity.find("/api/profile", ViewerProfile.class)
                    .orElseGet(() -> ViewerProfile.none(null, now)).readAt(now);
            keep(userId, read);
            return read;
        } catch (WansException e) {
            if (e.status() == HttpStatus.UNAUTHORIZED || e.status() == HttpStatus.FORBIDDEN) {
                throw e;
            }
            log.debug("identity unavailable, using the kept profile of {}: {}", userId, e.getMessage());
            return kept.orElseGet(() -> ViewerProfile.none(unknownMaturity, now));
        }
    }

    /** Another viewer's profile as last kept (admins looking at someone's rows cannot ask identity as them). */
    ViewerProfile keptOf(UUID userId) {
        return kept(userId).orElseGet(() -> ViewerProfile.none(unknownMaturity, clock.instant()));
    }

    private Optional<ViewerProfile> kept(UUID userId) {
        try {
            String value = redis.opsForValue().get(key(userId));
            return value == null ? Optional.empty() : Optional.of(json.readValue(value, ViewerProfile.class));
        } catch (RuntimeException e) {
            log.debug("no kept profile of {}: {}", userId, e.getMessage());
            return Optional.empty();
        }
    }

    private void keep(UUID userId, ViewerProfile profile) {
        try {
            redis.opsForValue().set(key(userId), json.writeValueAsString(profile), KEEP);
        } catch (RuntimeException e) {
            log.debug("could not keep the profile of {}: {}", userId, e.getMessage());
        }
    }

    private static String key(UUID userId) {
        return "recommend:profile:" + userId;
    }
}
