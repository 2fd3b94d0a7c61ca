package com.thewans.recommendation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * recommendation-service's own settings ({@code wans.recommendation.*} in application.yml, from
 * environment variables of the same meaning).
 *
 * @param trendingHalfLife  how fast a view stops counting for trending: after one half-life it counts half (RECOMMEND_TRENDING_HALF_LIFE, 24h)
 * @param recomputeInterval how often the job folds new watches into similarities and trending (RECOMMEND_RECOMPUTE_INTERVAL)
 * @param recomputeEnabled  whether this instance runs the job at all (tests run it by hand)
 * @param cacheTtl          how long a computed row is served from Redis at most (RECOMMEND_CACHE_TTL)
 * @param profileTtl        how long a viewer's profile (languages, maturity) is reused before asking identity again
 * @param maxPageSize       the largest page of a row anyone may ask for
 * @param rowLength         how many films a personal row ranks (and caches) at most; pages come from these
 * @param unknownMaturity   the maturity allowed when identity cannot be asked and no earlier profile is kept
 */
@ConfigurationProperties("wans.recommendation")
public record RecommendationSettings(Duration trendingHalfLife, Duration recomputeInterval, Boolean recomputeEnabled,
        Duration cacheTtl, Duration profileTtl, int maxPageSize, int rowLength, String unknownMaturity) {

    public RecommendationSettings {
        trendingHalfLife = positive("trending-half-life", trendingHalfLife, Duration.ofHours(24));
        recomputeInterval = positive("recompute-interval", recomputeInterval, Duration.ofSeconds(30));
        recomputeEnabled = recomputeEnabled == null || recomputeEnabled;
        cacheTtl = positive("cache-ttl", cacheTtl, Duration.ofMinutes(10));
        profileTtl = positive("profile-ttl", profileTtl, Duration.ofMinutes(5));
        maxPageSize = maxPageSize <= 0 ? 50 : maxPageSize;
        rowLength = rowLength <= 0 ? 100 : rowLength;
        unknownMaturity = unknownMaturity == null ? "PG" : unknownMaturity;
        if (rowLength < maxPageSize) {
            throw new IllegalArgumentException("wans.recommendation.row-length must be at least max-page-size");
        }
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("wans.recommendation." + name + " must be positive: " + d);
        }
        return d;
    }
}
