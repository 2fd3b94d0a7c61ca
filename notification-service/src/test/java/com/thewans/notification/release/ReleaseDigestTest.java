package com.thewans.notification.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.testkit.TestTokens;

class ReleaseDigestTest extends NotificationTestSupport {

    @Autowired
    ReleaseNews news;

    private void published(UUID film, UUID creator, String title, String genre) {
        publish("film.published", Map.of("filmId", film.toString(), "creatorId", creator.toString(), "title", title,
                "slug", title.toLowerCase().replace(' ', '-'), "status", "PUBLISHED", "genres", List.of(genre),
                "version", 2));
    }

    private UUID followerOf(String genre, UUID creator, String address) {
        UUID viewer = UUID.randomUUID();
        put("/api/notify/preferences", """
                {"language":"en","timeZone":"Pacific/Port_Moresby","channels":[],
                 "follows":{"genres":["%s"],"creators":["%s"]}}""".formatted(genre, creator), TestTokens.viewer(viewer));
        verificationByEmail(viewer, address, "999999");
        awaitMail(address);
        return viewer;
    }

    private long waiting(UUID viewer) {
        return jdbc.queryForObject("select count(*) from release_digest_items where user_id = ?", Long.class, viewer);
    }

    @Test
    void releasesOfFollowedGenresAndCreatorsArriveAsOneDigest() throws Exception {
        String genre = "genre-" + UUID.randomUUID().toString().substring(0, 8);
        UUID creator = UUID.randomUUID();
        String address = email();
        UUID viewer = followerOf(genre, creator, address);

        UUID first = UUID.randomUUID();
        published(first, UUID.randomUUID(), "Sanguma", genre);
        published(UUID.randomUUID(), creator, "Tinpis Run", "comedy");
        published(UUID.randomUUID(), UUID.randomUUID(), "Not Followed", "horror");
        published(first, UUID.randomUUID(), "Sanguma", genre); // published again: still once
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(viewer) == 2);

        news.sendDue();
        assertThat(waiting(viewer)).isEqualTo(2); // the window has not passed

        clock.advance(Duration.ofHours(12));
        news.sendDue();

        MimeMessage digest = awaitMails(address, 2).get(1);
        assertThat(digest.getSubject()).isEqualTo("New on THE WANS");
        Parts parts = parts(digest);
        assertThat(parts.text()).contains("- Sanguma: http://localhost:3000/films/" + first).contains("- Tinpis Run")
                .doesNotContain("Not Followed");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/api/notify/unsubscribe?token=");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(parts.html()).contains("No more release news");
        assertThat(waiting(viewer)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notifications where user_id = ? and type = 'NEW_RELEASES'",
                Long.class, viewer)).isEqualTo(1);
    }

    @Test
    void viewersWhoTurnedReleaseNewsOffGetNoEmail() {
        String genre = "genre-" + UUID.randomUUID().toString().substring(0, 8);
        String address = email();
        UUID viewer = followerOf(genre, UUID.randomUUID(), address);
        put("/api/notify/preferences", """
                {"language":"en","timeZone":"Pacific/Port_Moresby",
                 "channels":[{"category":"RELEASES","channel":"EMAIL","enabled":false}],
                 "follows":{"genres":["%s"],"creators":[]}}""".formatted(genre), TestTokens.viewer(viewer));

        published(UUID.randomUUID(), UUID.randomUUID(), "Quiet Release", genre);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(viewer) == 1);
        clock.advance(Duration.ofHours(12));
        news.sendDue();

        assertThat(stateOf(viewer, "NEW_RELEASES", "EMAIL")).isEqualTo("SUPPRESSED");
        assertThat(stateOf(viewer, "NEW_RELEASES", "INBOX")).isEqualTo("SENT");
    }
}
