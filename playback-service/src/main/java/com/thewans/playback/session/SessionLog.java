package com.thewans.playback.session;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * playback_logs and devices. Each transition is one guarded statement: a session ends once
 * ({@code where stopped_at is null}), so its playback.stopped is published once, whoever ends it
 * (the viewer's stop, a heartbeat that finds the lease gone, the sweeper).
 */
@Repository
class SessionLog {

    private static final RowMapper<PlaybackLog> ROWS = (rs, i) -> new PlaybackLog(rs.getObject("id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getObject("film_id", UUID.class), rs.getString("device_id"),
            rs.getString("territory"), rs.getString("offer_kind"), rs.getObject("window_id", UUID.class),
            rs.getObject("entitlement_id", UUID.class), rs.getBoolean("with_ads"), rs.getString("max_quality"),
            rs.getInt("max_streams"),
            rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_beat_at").toInstant(),
            rs.getTimestamp("stopped_at") == null ? null : rs.getTimestamp("stopped_at").toInstant(),
            rs.getString("stop_reason"), rs.getInt("position_seconds"), rs.getInt("watched_seconds"),
            rs.getInt("buffering_seconds"), strings(rs.getArray("renditions")), rs.getBoolean("finished"));

    private final JdbcTemplate jdbc;

    SessionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void started(PlaybackLog log) {
        jdbc.update("""
                insert into playback_logs (id, user_id, film_id, device_id, territory, offer_kind, window_id,
                    entitlement_id, with_ads, max_quality, max_streams, started_at, last_beat_at, position_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", log.id(), log.userId(), log.filmId(),
                log.deviceId(), log.territory(), log.offerKind(), log.windowId(), log.entitlementId(), log.withAds(),
                log.maxQuality(), log.maxStreams(), Timestamp.from(log.startedAt()), Timestamp.from(log.lastBeatAt()),
                log.positionSeconds());
    }

    Optional<PlaybackLog> find(UUID id) {
        return jdbc.query("select * from playback_logs where id = ?", ROWS, id).stream().findFirst();
    }

    /** The viewer's unended session of this film on this device, newest first. */
    Optional<PlaybackLog> playing(UUID userId, UUID filmId, String deviceId) {
        return jdbc.query("""
                select * from playback_logs where user_id = ? and film_id = ? and device_id = ? and stopped_at is null
                order by started_at desc limit 1""", ROWS, userId, filmId, deviceId).stream().findFirst();
    }

    /** Buffered progress, written in one batch; ended sessions keep what their end wrote. */
    void progressed(List<Progress> batch) {
        jdbc.batchUpdate("""
                update playback_logs set last_beat_at = greatest(last_beat_at, ?), position_seconds = ?,
                    watched_seconds = greatest(watched_seconds, ?), buffering_seconds = greatest(buffering_seconds, ?),
                    renditions = ?::text[], finished = finished or ?
                where id = ? and stopped_at is null""", batch, batch.size(), (ps, p) -> {
            ps.setTimestamp(1, Timestamp.from(p.lastBeatAt()));
            ps.setInt(2, p.positionSeconds());
            ps.setInt(3, p.watchedSeconds());
            ps.setInt(4, p.bufferingSeconds());
            ps.setString(5, "{" + String.join(",", p.renditions()) + "}");
            ps.setBoolean(6, p.finished());
            ps.setObject(7, p.sessionId());
        });
    }

    /** Ends the session once: the row as it ended, or empty if it had ended already. */
    Optional<PlaybackLog> end(Progress last, Instant stoppedAt, String endedBy) {
        return jdbc.query("""
                update playback_logs set stopped_at = ?, stop_reason = ?,
                    last_beat_at = greatest(last_beat_at, ?), position_seconds = ?,
                    watched_seconds = greatest(watched_seconds, ?), buffering_seconds = greatest(buffering_seconds, ?),
                    renditions = ?::text[], finished = finished or ?
                where id = ? and stopped_at is null
                returning *""", ROWS, Timestamp.from(stoppedAt), endedBy, Timestamp.from(last.lastBeatAt()),
                last.positionSeconds(), last.watchedSeconds(), last.bufferingSeconds(),
                "{" + String.join(",", last.renditions()) + "}", last.finished(), last.sessionId())
                .stream().findFirst();
    }

    /** Sessions nobody has heard from for longer than a lease: candidates for the sweeper. */
    List<PlaybackLog> silentSince(Instant before, int limit) {
        return jdbc.query("""
                select * from playback_logs where stopped_at is null and last_beat_at < ?
                order by last_beat_at limit ?""", ROWS, Timestamp.from(before), limit);
    }

    void deviceSeen(UUID userId, String deviceId, String description, Instant at) {
        jdbc.update("""
                insert into devices (user_id, device_id, description, first_seen, last_seen) values (?, ?, ?, ?, ?)
                on conflict (user_id, device_id) do update set description = excluded.description,
                    last_seen = excluded.last_seen""", userId, deviceId, description, Timestamp.from(at),
                Timestamp.from(at));
    }

    Map<String, String> deviceNames(UUID userId, List<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        List<Object> args = new ArrayList<>(List.of(userId));
        args.addAll(deviceIds);
        jdbc.query("select device_id, description from devices where user_id = ? and device_id in ("
                + String.join(",", java.util.Collections.nCopies(deviceIds.size(), "?")) + ")",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, args.toArray());
        return names;
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
