package com.thewans.advertising.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.thewans.advertising.AdSettings;
import com.thewans.advertising.tracking.PendingCounts;

/**
 * Frequency caps, even pacing and budgets, checked and charged in one Lua script, so concurrent
 * decisions on any number of instances never pass a cap and never spend past a budget by more than
 * the one impression that crossed it (a check is "spent so far below the limit", then the charge).
 *
 * <p>Spend is kept in 1/1000 of a minor unit: one impression at a CPM of {@code cpm} minor units
 * costs exactly {@code cpm} of them, so sums stay integers. A campaign's total and today's spend live
 * in Redis; a key Redis lost is seeded from what PostgreSQL has (the served counts the flush wrote).
 * The same script adds the served ad to the pending counts, so spend and counts never disagree.
 */
@Component
class BudgetGuard {

    // KEYS: 1 total spend, 2 today's spend, 3 the viewer's ads of the campaign today, 4 pending counts
    // ARGV: 1 cost, 2 total budget, 3 today's paced allowance, 4 cap (0: none), 5 total seed, 6 today seed,
    //       7 TTL of the day keys, 8 pending counts field
    private static final RedisScript<Long> RESERVE = RedisScript.of("""
            local cap = tonumber(ARGV[4])
            if cap > 0 and tonumber(redis.call('GET', KEYS[3]) or '0') >= cap then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[5], 'NX')
            redis.call('SET', KEYS[2], ARGV[6], 'NX', 'EX', ARGV[7])
            if tonumber(redis.call('GET', KEYS[1])) >= tonumber(ARGV[2]) then
              return -2
            end
            if tonumber(redis.call('GET', KEYS[2])) >= tonumber(ARGV[3]) then
              return -1
            end
            redis.call('INCRBY', KEYS[1], ARGV[1])
            redis.call('INCRBY', KEYS[2], ARGV[1])
            if cap > 0 then
              redis.call('INCR', KEYS[3])
              redis.call('EXPIRE', KEYS[3], ARGV[7])
            end
            redis.call('HINCRBY', KEYS[4], ARGV[8], 1)
            return 1""", Long.class);

    enum Verdict {
        SERVED, CAPPED, PACED, OUT_OF_BUDGET
    }

    private final StringRedisTemplate redis;
    private final AdSettings settings;

    BudgetGuard(StringRedisTemplate redis, AdSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    Verdict reserve(CampaignBook.Entry entry, UUID viewerId, Instant now, String countsField) {
        var c = entry.campaign();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Long verdict = redis.execute(RESERVE,
                List.of("ads:spend:" + c.id(), "ads:spend:" + c.id() + ":" + day,
                        "ads:cap:" + c.id() + ":" + viewerId + ":" + day, PendingCounts.KEY),
                Long.toString(c.cpm()), Long.toString(c.totalBudget() * 1000), Long.toString(allowance(c.dailyBudget(),
                        now)), Integer.toString(c.frequencyCap() == null ? 0 : c.frequencyCap()),
                Long.toString(entry.spentMilli()), Long.toString(entry.spentTodayMilli()),
                Long.toString(Duration.ofDays(2).toSeconds()), countsField);
        if (verdict == null) {
            return Verdict.PACED;
        }
        return switch (verdict.intValue()) {
            case 1 -> Verdict.SERVED;
            case 0 -> Verdict.CAPPED;
            case -2 -> Verdict.OUT_OF_BUDGET;
            default -> Verdict.PACED;
        };
    }

    /**
     * Even pacing: by this time of the (UTC) day, the share of the daily budget that an even spread
     * would have spent, plus a lead (ADS_PACING_LEAD) so the first minutes of a day are not starved;
     * in 1/1000 minor units.
     */
    long allowance(long dailyBudget, Instant now) {
        long secondsIntoDay = now.getEpochSecond() % 86_400;
        long paced = secondsIntoDay + settings.pacingLead().toSeconds();
        long daily = dailyBudget * 1000;
        return paced >= 86_400 ? daily : Math.max(1, Math.floorDiv(daily * paced, 86_400));
    }
}
