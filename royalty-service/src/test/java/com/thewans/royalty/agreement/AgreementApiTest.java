package com.thewans.royalty.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.royalty.RoyaltyTestSupport;
import com.thewans.testkit.TestTokens;

class AgreementApiTest extends RoyaltyTestSupport {

    @Test
    void theProducerIsTheFilmsCreatorAndTheVersionIsAudited() {
        UUID creator = UUID.randomUUID();
        UUID film = catalog.film(creator);

        var created = agreement(film, UUID.randomUUID(), JAN);

        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("terms").get("shares").get("DEFAULT").get(0).get("partyId").asString())
                .isEqualTo(creator.toString());
        assertThat(created.get("terms").get("shares").get("DEFAULT").get(2).get("partyId").asString())
                .isEqualTo(PLATFORM.toString());
        assertThat(jdbc.queryForObject("select count(*) from audit_log where target = ?", Long.class,
                "agreement:" + created.get("id").asString())).isEqualTo(1);
    }

    @Test
    void sharesThatDoNotAddUpToTenThousandBasisPointsAreRefused() {
        UUID film = catalog.film(UUID.randomUUID());

        var refused = post("/api/royalty/agreements", """
                {"filmId":"%s","effectiveFrom":"2025-01","shares":[{"role":"PRODUCER","bps":7000},
                 {"role":"PLATFORM","bps":2999}]}""".formatted(film), admin);
        var svodRefused = post("/api/royalty/agreements", """
                {"filmId":"%s","effectiveFrom":"2025-01","shares":[{"role":"PRODUCER","bps":10000}],
                 "sharesByKind":{"SVOD":[{"role":"PRODUCER","bps":5000},{"role":"PLATFORM","bps":5001}]}}"""
                .formatted(film), admin);

        assertProblem(refused, 422, "shares-not-whole");
        assertThat(refused.json().get("sumBps").asLong()).isEqualTo(9999);
        assertProblem(svodRefused, 422, "shares-not-whole");
        assertThat(svodRefused.json().get("revenueKind").asString()).isEqualTo("SVOD");
        assertThat(jdbc.queryForObject("select count(*) from agreement", Long.class)).isZero();
    }

    @Test
    void aLaterVersionEndsTheOpenEndedOneAndAnOverlapWithABoundedOneIsRefused() {
        UUID film = catalog.film(UUID.randomUUID());
        agreement("""
                {"filmId":"%s","effectiveFrom":"2025-01","effectiveTo":"2025-03",
                 "shares":[{"role":"PRODUCER","bps":10000}]}""".formatted(film));
        var open = agreement("""
                {"filmId":"%s","effectiveFrom":"2025-03","shares":[{"role":"PRODUCER","bps":10000}]}""".formatted(film));

        var later = agreement("""
                {"filmId":"%s","effectiveFrom":"2025-06","shares":[{"role":"PRODUCER","bps":9000},
                 {"role":"PLATFORM","bps":1000}]}""".formatted(film));
        var overlapping = post("/api/royalty/agreements", """
                {"filmId":"%s","effectiveFrom":"2024-12","effectiveTo":"2025-02",
                 "shares":[{"role":"PRODUCER","bps":10000}]}""".formatted(film), admin);

        assertThat(later.get("version").asInt()).isEqualTo(3);
        var versions = get("/api/royalty/agreements/film/" + film, admin).json();
        assertThat(versions.get(1).get("id").asString()).isEqualTo(open.get("id").asString());
        assertThat(versions.get(1).get("effectiveTo").asString()).isEqualTo("2025-06");
        assertProblem(overlapping, 409, "agreement-overlap");
    }

    @Test
    void aVersionCannotStartInAClosedPeriod() {
        UUID film = catalog.film(UUID.randomUUID());
        close(JAN);

        var refused = post("/api/royalty/agreements", """
                {"filmId":"%s","effectiveFrom":"2025-01","shares":[{"role":"PRODUCER","bps":10000}]}"""
                .formatted(film), admin);

        assertProblem(refused, 409, "period-closed");
    }

    @Test
    void anUnknownFilmIsNotFoundAndOnlyAdminsManageAgreements() {
        var unknown = post("/api/royalty/agreements", """
                {"filmId":"%s","effectiveFrom":"2025-01","shares":[{"role":"PRODUCER","bps":10000}]}"""
                .formatted(UUID.randomUUID()), admin);
        var byCreator = post("/api/royalty/agreements", """
                {"filmId":"%s","effectiveFrom":"2025-01","shares":[{"role":"PRODUCER","bps":10000}]}"""
                .formatted(UUID.randomUUID()), TestTokens.creator(UUID.randomUUID()));

        assertProblem(unknown, 404, "film-not-found");
        assertThat(byCreator.status()).isEqualTo(403);
    }

    @Test
    void aWaterfallStepMustNameWhatItTakes() {
        UUID film = catalog.film(UUID.randomUUID());

        var refused = post("/api/royalty/agreements", """
                {"filmId":"%s","effectiveFrom":"2025-01","shares":[{"role":"PRODUCER","bps":10000}],
                 "waterfall":[{"step":"RECOUP","role":"DISTRIBUTOR","partyId":"%s","amount":5000}]}"""
                .formatted(film, UUID.randomUUID()), admin);

        assertProblem(refused, 422, "invalid-agreement-terms");
    }
}
