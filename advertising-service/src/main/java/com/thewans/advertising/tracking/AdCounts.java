package com.thewans.advertising.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** ad_impressions: the counts flushed from Redis, and what the budget guard and reports read from them. */
@Repository
public class AdCounts {

    static final Set<String> COLUMNS = Set.of("served", "impressions", "clicks", "first_quartiles", "midpoints",
            "third_quartiles", "completes", "skips", "errors");

    private final JdbcTemplate jdbc;

    AdCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a batch id; false when that batch was applied before (a flush that crashed after its commit). */
    boolean claimBatch(String batchId, Instant now) {
        return jdbc.update("insert into ad_count_batches (batch_id, flushed_at) values (?, ?) on conflict do nothing",
                batchId, Timestamp.from(now)) == 1;
    }

    /** Adds the counts, one upsert per row and column (a batch holds few distinct rows: they are per hour). */
    void add(Collection<PendingCounts.Count> counts) {
        for (PendingCounts.Count c : counts) {
            if (!COLUMNS.contains(c.column())) {
                continue;  // a field this version does not know: never concatenated into SQL
            }
            jdbc.update("insert into ad_impressions (campaign_id, creative_id, film_id, hour_start, territory,"
                    + " currency,"
                    + " cpm, " + c.column() + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (campaign_id, creative_id, film_id, hour_start, territory) do update set "
                    + c.column() + " = ad_impressions." + c.column() + " + excluded." + c.column(),
                    c.campaignId(), c.creativeId(), c.filmId(), Timestamp.from(c.hourStart()), c.territory(),
                    c.currency(), c.cpm(), c.amount());
        }
    }

    /** What each campaign has spent on served ads, in 1/1000 minor units: in all, and since {@code dayStart}. */
    public record Spend(long total, long today) {
    }

    public Map<UUID, Spend> servedSpend(List<UUID> campaignIds, Instant dayStart) {
        Map<UUID, Spend> spend = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return spend;
        }
        jdbc.query("""
                select campaign_id, coalesce(sum(served * cpm), 0),
                       coalesce(sum(served * cpm) filter (where hour_start >= ?), 0)
                from ad_impressions where campaign_id = any(?) group by campaign_id""",
                rs -> {
                    spend.put(rs.getObject(1, UUID.class), new Spend(rs.getLong(2), rs.getLong(3)));
                }, Timestamp.from(dayStart), campaignIds.toArray(UUID[]::new));
        return spend;
    }
}
