package com.thewans.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.thewans.notification.NotificationSettings;

/**
 * How many texts one user may get in an hour (SMS costs money and a flood of codes is how SMS
 * pumping fraud looks). A Redis counter per user and clock hour, shared by every instance; a text
 * over the allowance waits for the next hour rather than being dropped.
 */
@Component
class SmsAllowance {

    private final StringRedisTemplate redis;
    private final int perHour;

    SmsAllowance(StringRedisTemplate redis, NotificationSettings settings) {
        this.redis = redis;
        this.perHour = settings.sms().perUserPerHour();
    }

    /** Null when the text may go now (and counts it), else when the next hour starts. */
    Instant take(UUID userId, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        String key = "notify:sms:" + userId + ":" + hour.getEpochSecond();
        Long used = redis.opsForValue().increment(key);
        if (used != null && used == 1) {
            redis.expire(key, Duration.ofHours(2));
        }
        if (used != null && used > perHour) {
            redis.opsForValue().decrement(key);
            return hour.plus(Duration.ofHours(1));
        }
        return null;
    }
}
