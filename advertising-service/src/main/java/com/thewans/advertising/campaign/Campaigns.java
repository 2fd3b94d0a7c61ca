package com.thewans.advertising.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns and creatives in PostgreSQL. Each lifecycle transition is one guarded UPDATE named for
 * it, so two admins (or an admin and the budget guard) racing cannot both win.
 */
@Repository
public class Campaigns {

    private static final String CAMPAIGN_COLUMNS = """
            id, advertiser, name, status, starts_at, ends_at, currency, total_budget, daily_budget, cpm, priority,
            targeting::text as targeting, frequency_cap, version, created_at, updated_at""";
    private static final String CREATIVE_COLUMNS = """
            id, campaign_id, title, universal_ad_registry, universal_ad_id, click_through_url, skip_offset_seconds,
            object_key, status, rejection, content_type, size_bytes, duration_ms, width, height, bitrate_kbps,
            video_codec, container, created_at, confirmed_at""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Campaigns(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Campaign c) {
        jdbc.update("""
                insert into ad_campaigns (id, advertiser, name, status, starts_at, ends_at, currency, total_budget,
                    daily_budget, cpm, priority, targeting, frequency_cap, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 0, ?, ?)""",
                c.id(), c.advertiser(), c.name(), c.status().name(), ts(c.startsAt()), ts(c.endsAt()),
                c.currency().name(), c.totalBudget(), c.dailyBudget(), c.cpm(), c.priority(),
                json.writeValueAsString(c.targeting()), c.frequencyCap(), ts(c.createdAt()), ts(c.updatedAt()));
    }

    /** Writes an admin's edit, only over the version it was made against; false when another edit came first. */
    boolean update(Campaign c, long expectedVersion) {
        return jdbc.update("""
                update ad_campaigns set name = ?, ends_at = ?, total_budget = ?, daily_budget = ?, cpm = ?,
                    priority = ?, targeting = ?::jsonb, frequency_cap = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""",
                c.name(), ts(c.endsAt()), c.totalBudget(), c.dailyBudget(), c.cpm(), c.priority(),
                json.writeValueAsString(c.targeting()), c.frequencyCap(), ts(c.updatedAt()), c.id(),
                expectedVersion) == 1;
    }

    public Optional<Campaign> find(UUID id) {
        return jdbc.query("select " + CAMPAIGN_COLUMNS + " from ad_campaigns where id = ?", this::campaign, id)
                .stream().findFirst();
    }

    List<Campaign> page(CampaignStatus status, int page, int size) {
        return status == null
                ? jdbc.query("select " + CAMPAIGN_COLUMNS + " from ad_campaigns order by created_at desc, id"
                        + " limit ? offset ?", this::campaign, size, (long) page * size)
                : jdbc.query("select " + CAMPAIGN_COLUMNS + " from ad_campaigns where status = ?"
                        + " order by created_at desc, id limit ? offset ?", this::campaign, status.name(), size,
                        (long) page * size);
    }

    long count(CampaignStatus status) {
        return status == null ? jdbc.queryForObject("select count(*) from ad_campaigns", Long.class)
                : jdbc.queryForObject("select count(*) from ad_campaigns where status = ?", Long.class, status.name());
    }

    /** The campaigns that may serve now, for the in-memory decision snapshot. */
    public List<Campaign> serving(Instant now) {
        return jdbc.query("select " + CAMPAIGN_COLUMNS + " from ad_campaigns where status = 'ACTIVE'"
                + " and starts_at <= ? and ends_at > ?", this::campaign, ts(now), ts(now));
    }

    // --- transitions, one guarded UPDATE each -----------------------------------------------------

    /** DRAFT or PAUSED -> ACTIVE, only with a READY creative and before the flight's end. */
    boolean activate(UUID id, Instant now) {
        return jdbc.update("""
                update ad_campaigns set status = 'ACTIVE', version = version + 1, updated_at = ?
                where id = ? and status in ('DRAFT', 'PAUSED') and ends_at > ?
                  and exists (select 1 from ad_creatives c
                              where c.campaign_id = ad_campaigns.id and c.status = 'READY')""",
                ts(now), id, ts(now)) == 1;
    }

    boolean pause(UUID id, Instant now) {
        return jdbc.update("update ad_campaigns set status = 'PAUSED', version = version + 1, updated_at = ?"
                + " where id = ? and status = 'ACTIVE'", ts(now), id) == 1;
    }

    boolean end(UUID id, Instant now) {
        return jdbc.update("update ad_campaigns set status = 'ENDED', version = version + 1, updated_at = ?"
                + " where id = ? and status <> 'ENDED'", ts(now), id) == 1;
    }

    /** ACTIVE -> OUT_OF_BUDGET once its total budget is spent (the budget guard in Redis said so). */
    public boolean outOfBudget(UUID id, Instant now) {
        return jdbc.update("update ad_campaigns set status = 'OUT_OF_BUDGET', version = version + 1, updated_at = ?"
                + " where id = ? and status = 'ACTIVE'", ts(now), id) == 1;
    }

    /** Every running, paused or spent campaign whose flight is over -> ENDED; how many. */
    public int endFlown(Instant now) {
        return jdbc.update("update ad_campaigns set status = 'ENDED', version = version + 1, updated_at = ?"
                + " where status in ('ACTIVE', 'PAUSED', 'OUT_OF_BUDGET') and ends_at <= ?", ts(now), ts(now));
    }

    // --- creatives --------------------------------------------------------------------------------

    void insertCreative(Creative c) {
        jdbc.update("""
                insert into ad_creatives (id, campaign_id, title, universal_ad_registry, universal_ad_id,
                    click_through_url, skip_offset_seconds, object_key, status, content_type, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_UPLOAD', ?, ?)""",
                c.id(), c.campaignId(), c.title(), c.universalAdRegistry(), c.universalAdId(), c.clickThroughUrl(),
                c.skipOffsetSeconds(), c.objectKey(), c.contentType(), ts(c.createdAt()));
    }

    Optional<Creative> creative(UUID campaignId, UUID creativeId) {
        return jdbc.query("select " + CREATIVE_COLUMNS + " from ad_creatives where id = ? and campaign_id = ?",
                Campaigns::creative, creativeId, campaignId).stream().findFirst();
    }

    public List<Creative> creatives(UUID campaignId) {
        return jdbc.query("select " + CREATIVE_COLUMNS + " from ad_creatives where campaign_id = ?"
                + " order by created_at, id", Campaigns::creative, campaignId);
    }

    /** The READY creatives of the given campaigns, for the decision snapshot. */
    public List<Creative> readyCreatives(List<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + CREATIVE_COLUMNS + " from ad_creatives where status = 'READY'"
                + " and campaign_id = any(?) order by created_at, id", Campaigns::creative,
                (Object) campaignIds.toArray(UUID[]::new));
    }

    /** AWAITING_UPLOAD -> READY with what ffprobe found; false when it was confirmed already. */
    boolean creativeReady(UUID id, Creative.Probed probed, Instant now) {
        return jdbc.update("""
                update ad_creatives set status = 'READY', size_bytes = ?, duration_ms = ?, width = ?, height = ?,
                    bitrate_kbps = ?, video_codec = ?, container = ?, confirmed_at = ?
                where id = ? and status = 'AWAITING_UPLOAD'""",
                probed.sizeBytes(), probed.durationMs(), probed.width(), probed.height(), probed.bitrateKbps(),
                probed.videoCodec(), probed.container(), ts(now), id) == 1;
    }

    /** AWAITING_UPLOAD -> REJECTED, keeping the reason for the admin. */
    boolean creativeRejected(UUID id, String reason, Instant now) {
        return jdbc.update("update ad_creatives set status = 'REJECTED', rejection = ?, confirmed_at = ?"
                + " where id = ? and status = 'AWAITING_UPLOAD'", reason, ts(now), id) == 1;
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        Integer cap = (Integer) rs.getObject("frequency_cap");
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("advertiser"), rs.getString("name"),
                CampaignStatus.valueOf(rs.getString("status")), instant(rs, "starts_at"), instant(rs, "ends_at"),
                Currency.valueOf(rs.getString("currency")), rs.getLong("total_budget"), rs.getLong("daily_budget"),
                rs.getLong("cpm"), rs.getInt("priority"), json.readValue(rs.getString("targeting"), Targeting.class),
                cap, rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Creative creative(ResultSet rs, int row) throws SQLException {
        return new Creative(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getString("title"), rs.getString("universal_ad_registry"), rs.getString("universal_ad_id"),
                rs.getString("click_through_url"), (Integer) rs.getObject("skip_offset_seconds"),
                rs.getString("object_key"), rs.getString("status"), rs.getString("rejection"),
                rs.getString("content_type"), (Long) rs.getObject("size_bytes"), (Integer) rs.getObject("duration_ms"),
                (Integer) rs.getObject("width"), (Integer) rs.getObject("height"),
                (Integer) rs.getObject("bitrate_kbps"), rs.getString("video_codec"), rs.getString("container"),
                instant(rs, "created_at"), instant(rs, "confirmed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
