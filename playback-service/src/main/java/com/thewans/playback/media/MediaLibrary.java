package com.thewans.playback.media;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The films playback can serve: its read model of transcode.completed. */
@Repository
public class MediaLibrary {

    private static final TypeReference<List<Rendition>> RENDITIONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<TranscodedFilm> rows;

    MediaLibrary(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = (rs, i) -> new TranscodedFilm(rs.getObject("film_id", UUID.class),
                rs.getObject("job_id", UUID.class), rs.getString("bucket"), rs.getString("hls_master_key"),
                rs.getString("dash_manifest_key"), rs.getObject("duration_seconds") == null ? null
                        : rs.getDouble("duration_seconds"),
                json.readValue(rs.getString("renditions"), RENDITIONS), rs.getTimestamp("completed_at").toInstant());
    }

    public Optional<TranscodedFilm> find(UUID filmId) {
        return jdbc.query("select * from transcoded_films where film_id = ?", rows, filmId).stream().findFirst();
    }

    /**
     * Records a completed transcode; a redelivered or out-of-order older completion changes nothing
     * (a film retranscoded later keeps its newest media).
     */
    void completed(TranscodeCompleted done, Instant at) {
        jdbc.update("""
                insert into transcoded_films (film_id, job_id, bucket, hls_master_key, dash_manifest_key,
                                              duration_seconds, renditions, completed_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (film_id) do update set job_id = excluded.job_id, bucket = excluded.bucket,
                    hls_master_key = excluded.hls_master_key, dash_manifest_key = excluded.dash_manifest_key,
                    duration_seconds = excluded.duration_seconds, renditions = excluded.renditions,
                    completed_at = excluded.completed_at
                where transcoded_films.completed_at <= excluded.completed_at""",
                done.filmId(), done.jobId(), done.bucket() == null ? "wans-media" : done.bucket(), done.hlsMasterKey(),
                done.dashManifestKey(), done.durationSeconds(), json.writeValueAsString(done.renditions()),
                Timestamp.from(at));
    }
}
