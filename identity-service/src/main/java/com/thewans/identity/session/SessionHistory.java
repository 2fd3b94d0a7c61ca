package com.thewans.identity.session;

import static com.thewans.common.db.SqlTimes.ts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.identity.token.TokenSettings;

/**
 * Keeps the session tables from growing without end. A refresh token row is kept until a day
 * after it expires (until then a replay of it is recognised as reuse); ended or idle sessions are
 * kept for support questions for the retention period, then deleted with their tokens.
 * Deleting twice is harmless, so every instance may run this.
 */
@Component
class SessionHistory {

    private static final Logger log = LoggerFactory.getLogger(SessionHistory.class);

    private final JdbcTemplate jdbc;
    private final TokenSettings settings;
    private final Clock clock;
    private final Duration retention;

    SessionHistory(JdbcTemplate jdbc, TokenSettings settings, Clock clock,
            @Value("${wans.identity.sessions.retention:90d}") Duration retention) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @Transactional
    public void purgeExpired() {
        Instant now = clock.instant();
        int tokens = jdbc.update("delete from refresh_tokens where expires_at < ?",
                ts(now.minus(Duration.ofDays(1))));
        Timestamp forgetBefore = ts(now.minus(retention));
        Timestamp idleBefore = ts(now.minus(settings.refreshTokenTtl()).minus(retention));
        int sessions = jdbc.update(
                "delete from sessions where revoked_at < ? or (revoked_at is null and last_seen_at < ?)",
                forgetBefore, idleBefore);
        int codes = jdbc.update("delete from one_time_codes where expires_at < ?",
                ts(now.minus(Duration.ofDays(1))));
        if (tokens + sessions + codes > 0) {
            log.info("Purged {} refresh tokens, {} sessions and {} one-time codes past retention", tokens, sessions,
                    codes);
        }
    }
}
