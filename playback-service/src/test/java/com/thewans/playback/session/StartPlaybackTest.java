package com.thewans.playback.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.thewans.playback.PlaybackTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class StartPlaybackTest extends PlaybackTestSupport {

    @Test
    void anEntitledViewerGetsASessionWithATokenTheManifestsAndTheirPlansBest() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();

        JsonNode started = started(viewer, filmId, "living-room-tv");

        UUID sessionId = uuid(started, "sessionId");
        assertThat(started.get("token").asString()).isNotBlank();
        assertThat(started.get("manifests").get("hls").asString())
                .startsWith("http://localhost:8080/api/playback/sessions/" + sessionId + "/master.m3u8?token=");
        assertThat(started.get("manifests").get("dash").asString()).contains("/manifest.mpd?token=");
        assertThat(started.get("keyUrl").asString()).contains("/api/playback/key/" + filmId + "?token=");
        assertThat(started.get("offer").get("kind").asString()).isEqualTo("SUBSCRIPTION");
        assertThat(started.get("offer").get("plan").asString()).isEqualTo("standard");
        assertThat(started.get("maxQuality").asString()).isEqualTo("1080p");
        assertThat(started.get("resumePositionSeconds").asInt()).isZero();
        assertThat(started.get("heartbeatIntervalSeconds").asInt()).isEqualTo(30);
        assertThat(started.get("adScheduleUrl").isNull()).as("a subscription plays without ads").isTrue();
        assertThat(jdbc.queryForObject("select territory || ' ' || offer_kind from playback_logs where id = ?",
                String.class, sessionId)).isEqualTo("PG SUBSCRIPTION");
        assertThat(outboxEvents("playback.started", "sessionId", sessionId)).singleElement()
                .satisfies(e -> assertThat(e.get("deviceId").asString()).isEqualTo("living-room-tv"));
    }

    @Test
    void theEdgeCountryDecidesTheTerritoryOverTheProfile() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();

        JsonNode started = start(viewer, filmId, "phone", "CF-IPCountry", "FJ").json();

        assertThat(jdbc.queryForObject("select territory from playback_logs where id = ?", String.class,
                uuid(started, "sessionId"))).isEqualTo("FJ");
    }

    @Test
    void aFilmNotOfferedInTheTerritoryIsRefusedForLegalReasons() {
        UUID filmId = transcodedFilm();  // rights knows no window for it anywhere

        TestHttp.Response refused = start(subscriber("standard"), filmId, "tv");

        assertProblem(refused, 451, "not-available-in-territory");
        assertThat(refused.json().get("territory").asString()).isEqualTo("PG");
    }

    @Test
    void aViewerWhoHoldsNothingIsRefusedWithTheOffersThatWouldAllowIt() {
        UUID filmId = transcodedFilm();
        UUID windowId = UUID.randomUUID();
        platform.refuse(filmId, """
                {"code":"RENTAL_REQUIRED","detail":"TVOD window open until further notice","windowId":"%s"}"""
                .formatted(windowId), """
                {"windowId":"%s","windowType":"TVOD","offer":"RENT","streamable":true,
                 "prices":[{"amount":990,"currency":"PGK","display":"K 9.90"}],
                 "rental":{"startWithinDays":30,"watchWithinHours":48},"startsAt":"2026-01-01T00:00:00Z"}"""
                .formatted(windowId));

        TestHttp.Response refused = start(viewer(), filmId, "tv");

        assertProblem(refused, 403, "not-entitled");
        assertThat(refused.json().get("reasons").get(0).get("code").asString()).isEqualTo("RENTAL_REQUIRED");
        assertThat(refused.json().get("offers").get(0).get("offer").asString()).isEqualTo("RENT");
        assertThat(refused.json().get("offers").get(0).get("windowId").asString()).isEqualTo(windowId.toString());
    }

    @Test
    void aViewerWhoseCountryNobodyKnowsCannotStart() {
        UUID filmId = svodFilm();
        platform.profileCountry(null);

        assertProblem(start(subscriber("standard"), filmId, "tv"), 422, "territory-unknown");
    }

    @Test
    void watchingFreeWithAdsIsCappedByThePlanAndNamesTheSessionsAdSchedule() {
        UUID filmId = transcodedFilm();
        platform.allow(filmId, "AVOD", UUID.randomUUID(), null, null, null);

        JsonNode started = started(subscriber("basic"), filmId, "tv");

        assertThat(started.get("offer").get("kind").asString()).isEqualTo("AVOD");
        assertThat(started.get("offer").get("withAds").asBoolean()).isTrue();
        assertThat(started.get("maxQuality").asString()).isEqualTo("480p");
        assertThat(started.get("adScheduleUrl").asString()).isEqualTo("http://localhost:8080/api/ads/vmap/" + filmId
                + "?sessionId=" + uuid(started, "sessionId"));
    }

    @Test
    void aFilmWithoutACompletedTranscodeCannotStart() {
        UUID filmId = UUID.randomUUID();
        platform.allow(filmId, "PURCHASE", UUID.randomUUID(), UUID.randomUUID(), null, null);

        assertProblem(start(viewer(), filmId, "tv"), 409, "not-yet-transcoded");
    }

    @Test
    void rightsBeingDownIsAServiceUnavailableProblemAndTakesNoSlot() {
        Viewer viewer = subscriber("basic");
        UUID filmId = svodFilm();
        platform.rightsDown(true);

        assertProblem(start(viewer, filmId, "tv"), 503, "dependency-unavailable");

        platform.rightsDown(false);
        assertThat(start(viewer, filmId, "tv").status()).isEqualTo(201);
    }

    @Test
    void theFirstPlayOfARentalStartsItsClockInRightsAsPlaybackItself() {
        UUID filmId = transcodedFilm();
        UUID rental = UUID.randomUUID();
        platform.allow(filmId, "RENTAL", UUID.randomUUID(), rental, null, clock.instant().plus(Duration.ofDays(30)));

        JsonNode started = started(viewer(), filmId, "tv");

        Instant startedAt = platform.rentalsStarted().get(rental);
        assertThat(startedAt).isNotNull();
        assertThat(started.get("watchUntil").asString()).isEqualTo(startedAt.plus(Duration.ofHours(48)).toString());
        assertThat(platform.rentalAuthorizations()).allMatch(a -> a.startsWith("Bearer stub-service-token-"));
        // bought and rented films play at the default best, whatever a cheaper plan allows
        assertThat(started.get("maxQuality").asString()).isEqualTo("1080p");
    }

    @Test
    void ofTwoDevicesRacingForTheLastSlotExactlyOneWins() throws Exception {
        Viewer viewer = subscriber("basic");  // one stream
        UUID filmId = svodFilm();
        int devices = 6;
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<TestHttp.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < devices; i++) {
                String device = "device-" + i;
                Callable<TestHttp.Response> starting = () -> {
                    go.await();
                    return start(viewer, filmId, device);
                };
                answers.add(pool.submit(starting));
            }
            go.countDown();
            List<TestHttp.Response> all = new java.util.ArrayList<>();
            for (Future<TestHttp.Response> answer : answers) {
                all.add(answer.get());
            }
            assertThat(all).filteredOn(r -> r.status() == 201).hasSize(1);
            List<TestHttp.Response> refused = all.stream().filter(r -> r.status() != 201).toList();
            assertThat(refused).hasSize(devices - 1).allSatisfy(r -> assertProblem(r, 409, "too-many-streams"));
            String winner = all.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json()
                    .get("deviceId").asString();
            assertThat(refused.get(0).json().get("streams").get(0).get("deviceId").asString()).isEqualTo(winner);
            assertThat(refused.get(0).json().get("streams").get(0).get("sessionId").asString()).isNotBlank();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void startingAgainOnTheSameDeviceIsNotASecondStream() {
        Viewer viewer = subscriber("basic");
        UUID filmId = svodFilm();
        UUID first = uuid(started(viewer, filmId, "tv"), "sessionId");

        UUID second = uuid(started(viewer, filmId, "tv"), "sessionId");

        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.queryForObject("select stop_reason from playback_logs where id = ?", String.class, first))
                .isEqualTo("REPLACED");
        assertProblem(beat(viewer, first, 60), 409, "session-ended");
        assertThat(beat(viewer, second, 60).status()).isEqualTo(200);
    }

    @Test
    void aLeaseLapsesAfterMissedHeartbeatsAndFreesTheSlot() {
        Viewer viewer = subscriber("basic");
        UUID filmId = svodFilm();
        UUID tv = uuid(started(viewer, filmId, "tv"), "sessionId");
        assertProblem(start(viewer, filmId, "phone"), 409, "too-many-streams");

        clock.advance(Duration.ofSeconds(96));  // three heartbeats missed

        assertThat(start(viewer, filmId, "phone").status()).isEqualTo(201);
        TestHttp.Response late = beat(viewer, tv, 120);
        assertProblem(late, 409, "session-ended");
        assertThat(late.json().get("endedBy").asString()).isEqualTo("LAPSED");
        assertThat(outboxEvents("playback.stopped", "sessionId", tv)).singleElement()
                .satisfies(e -> assertThat(e.get("endedBy").asString()).isEqualTo("LAPSED"));
    }

    @Test
    void heartbeatsKeepTheLeaseAcrossManyIntervals() {
        Viewer viewer = subscriber("basic");
        UUID filmId = svodFilm();
        UUID tv = uuid(started(viewer, filmId, "tv"), "sessionId");

        for (int beat = 1; beat <= 6; beat++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(beat(viewer, tv, beat * 30).status()).isEqualTo(200);
        }

        assertProblem(start(viewer, filmId, "phone"), 409, "too-many-streams");
    }

    @Test
    void stopFreesTheSlotAtOnce() {
        Viewer viewer = subscriber("basic");
        UUID filmId = svodFilm();
        UUID tv = uuid(started(viewer, filmId, "tv"), "sessionId");

        assertThat(stop(viewer, tv, null).status()).isEqualTo(200);

        assertThat(start(viewer, filmId, "phone").status()).isEqualTo(201);
        assertProblem(beat(viewer, tv, 10), 409, "session-ended");
    }

    @Test
    void slotsLostWithRedisAreTakenBackByHeartbeatsOnlyWhileThePlanHasRoom() {
        Viewer viewer = subscriber("basic");
        UUID filmId = svodFilm();
        UUID tv = uuid(started(viewer, filmId, "tv"), "sessionId");
        redis.delete(List.of("playback:{" + viewer.id() + "}:streams", "playback:{" + viewer.id() + "}:holders",
                "playback:session:" + tv));  // what a Redis restart without persistence loses

        UUID phone = uuid(started(viewer, filmId, "phone"), "sessionId");

        assertProblem(beat(viewer, tv, 30), 409, "session-ended");
        assertThat(beat(viewer, phone, 30).status()).isEqualTo(200);
    }

    @Test
    void aFreshTokenIsForTheViewersLiveSessionOnThatDevice() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        UUID tv = uuid(started(viewer, filmId, "tv"), "sessionId");

        TestHttp.Response fresh = get("/api/playback/token/" + filmId + "?deviceId=tv", viewer.token());

        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().get("sessionId").asString()).isEqualTo(tv.toString());
        assertProblem(get("/api/playback/token/" + filmId + "?deviceId=phone", viewer.token()), 404,
                "session-not-found");
        assertProblem(get("/api/playback/token/" + filmId + "?deviceId=tv", viewer().token()), 404,
                "session-not-found");
    }

    @Test
    void aDeviceIdThatIsNotAnIdentifierIsRefused() {
        TestHttp.Response refused = start(viewer(), svodFilm(), "tv/../../etc");

        assertThat(refused.status()).isEqualTo(400);
    }
}
