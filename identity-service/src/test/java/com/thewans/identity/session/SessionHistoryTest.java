package com.thewans.identity.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.identity.IdentityTestSupport;

class SessionHistoryTest extends IdentityTestSupport {

    @Autowired
    SessionHistory history;

    @Test
    void sessionsAndTokensPastRetentionAreDeletedAndLiveOnesKept() {
        var old = api.newViewer();
        var live = api.newViewer();
        jdbc.update("update sessions set revoked_at = now() - interval '91 days', revoke_reason = 'LOGOUT'"
                + " where id = ?", old.sessionId());
        jdbc.update("update refresh_tokens set expires_at = now() - interval '2 days' where session_id = ?",
                old.sessionId());

        history.purgeExpired();

        assertThat(count("sessions", old.sessionId())).isZero();
        assertThat(count("sessions", live.sessionId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where session_id = ?", Integer.class,
                live.sessionId())).isEqualTo(1);
        assertThat(api.get("/api/auth/verify", live).status()).isEqualTo(200);
    }

    private int count(String table, UUID id) {
        return jdbc.queryForObject("select count(*) from " + table + " where id = ?", Integer.class, id);
    }
}
