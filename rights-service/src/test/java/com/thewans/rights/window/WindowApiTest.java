package com.thewans.rights.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.common.audit.AuditLog;
import com.thewans.rights.RightsTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

class WindowApiTest extends RightsTestSupport {

    @Autowired
    AuditLog audit;

    @Test
    void anAdminCreatesAnSvodWindowForPapuaNewGuinea() {
        UUID filmId = catalog.film();
        TestHttp.Response created = post("/api/windows", svodFor(filmId, "[\"pg\"]", now.plus(Duration.ofDays(1)),
                null), admin);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode w = created.json();
        assertThat(w.get("type").asString()).isEqualTo("SVOD");
        assertThat(w.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(w.get("worldwide").asBoolean()).isFalse();
        assertThat(w.get("territories").get(0).asString()).isEqualTo("PG");
        assertThat(w.get("endsAt").isNull()).isTrue();
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("Location")).isEqualTo("/api/windows/" + id(w));
        assertThat(audit.forTarget("window:" + id(w), 5)).extracting(AuditLog.Entry::action)
                .containsExactly("window.created");
        // the film was checked with the admin's own token
        assertThat(catalog.authorizations()).contains("Bearer " + admin);
    }

    @Test
    void aWorldwideTvodWindowCarriesPricesAndDefaultRentalTerms() {
        UUID filmId = catalog.film();
        JsonNode w = window(worldwide(filmId, "TVOD", "[\"AU\"]", now, now.plus(Duration.ofDays(90)), TVOD_PRICES));

        assertThat(w.get("worldwide").asBoolean()).isTrue();
        assertThat(w.get("excludedTerritories").get(0).asString()).isEqualTo("AU");
        assertThat(w.get("prices")).hasSize(2);
        assertThat(w.get("prices").get(0).get("currency").asString()).isEqualTo("PGK");
        assertThat(w.get("prices").get(0).get("amount").asLong()).isEqualTo(990);
        assertThat(w.get("prices").get(0).get("display").asString()).isEqualTo("K 9.90");
        assertThat(w.get("prices").get(1).get("display").asString()).isEqualTo("US$ 2.99");
        assertThat(w.get("rental").get("startWithinDays").asInt()).isEqualTo(30);
        assertThat(w.get("rental").get("watchWithinHours").asInt()).isEqualTo(48);
    }

    @Test
    void badWindowsAreRefusedWithProblemsNamingTheField() {
        UUID filmId = catalog.film();
        String start = now.toString();
        assertInvalid(svodFor(filmId, "[\"PG\"]", now, now.minusSeconds(1)), "endsAt");
        assertInvalid(svodFor(filmId, "[\"XX\"]", now, null), "territories");
        assertInvalid(svodFor(filmId, "[]", now, null), "territories");
        assertInvalid("{\"filmId\":\"" + filmId + "\",\"type\":\"SVOD\",\"territories\":[\"PG\"]}", "startsAt");
        assertInvalid("{\"filmId\":\"" + filmId + "\",\"type\":\"STREAMING\",\"territories\":[\"PG\"],\"startsAt\":\""
                + start + "\"}", "type");
        assertInvalid(worldwide(filmId, "TVOD", "[]", now, null, "\"prices\":[{\"currency\":\"PGK\",\"amount\":-5}]"),
                "prices[0].amount");
        assertInvalid(worldwide(filmId, "TVOD", "[]", now, null, "\"prices\":[{\"currency\":\"EUR\",\"amount\":5}]"),
                "prices[0].currency");
        assertInvalid(worldwide(filmId, "TVOD", "[]", now, null, null), "prices");
        assertInvalid(worldwide(filmId, "SVOD", "[]", now, null, TVOD_PRICES), "prices");
        assertInvalid(worldwide(filmId, "PPV", "[]", now, null, TVOD_PRICES), "ppv");
        assertInvalid(worldwide(filmId, "COLLECTOR", "[]", now, null, TVOD_PRICES), "editionSize");
        assertInvalid(worldwide(filmId, "PPV", "[]", now, now.plus(Duration.ofDays(1)), TVOD_PRICES
                + ",\"ppv\":{\"eventStartsAt\":\"" + now.plus(Duration.ofDays(2)) + "\",\"durationMinutes\":90}"),
                "ppv");
        assertInvalid(worldwide(filmId, "SVOD", "[]", now, null, "\"rental\":{\"startWithinDays\":3}"), "rental");
        assertInvalid(worldwide(filmId, "SVOD", "[]", now, null, "\"colour\":\"red\""), "colour");
        assertInvalid("{\"filmId\":\"" + filmId + "\",\"type\":\"SVOD\",\"territories\":[\"PG\"],\"startsAt\":\""
                + start + "\",\"startsRelativeTo\":{\"windowId\":\"" + UUID.randomUUID()
                + "\",\"offsetDays\":45}}", "startsAt");
        assertThat(post("/api/windows", "{not json", admin).json().get("code").asString()).isEqualTo("malformed-body");
        assertThat(jdbc.queryForObject("select count(*) from windows where film_id = ?", Long.class, filmId)).isZero();
    }

    @Test
    void aFilmTheCatalogDoesNotKnowIsNotFoundAndACatalogThatIsDownIsUnavailable() {
        TestHttp.Response unknown = post("/api/windows", svodFor(UUID.randomUUID(), "[\"PG\"]", now, null), admin);
        // issue 17: one meaning per problem, an unknown film is 404 here as in catalog (it was 422)
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("film-not-found");

        catalog.down(true);
        TestHttp.Response down = post("/api/windows", svodFor(catalog.film(), "[\"PG\"]", now, null), admin);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("code").asString()).isEqualTo("dependency-unavailable");
    }

    @Test
    void onlyAdminsManageWindows() {
        UUID filmId = catalog.film();
        String body = svodFor(filmId, "[\"PG\"]", now, null);
        assertThat(post("/api/windows", body, null).status()).isEqualTo(401);
        assertThat(post("/api/windows", body, viewerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(post("/api/windows", body, TestTokens.creator(UUID.randomUUID())).status()).isEqualTo(403);
        UUID windowId = id(window(body));
        assertThat(post("/api/windows/" + windowId + "/cancel", "{\"reason\":\"no\"}",
                viewerToken(UUID.randomUUID())).status()).isEqualTo(403);
    }

    @Test
    void aCreatorSeesTheWindowsOfTheirOwnFilmsOnly() {
        UUID creatorId = UUID.randomUUID();
        UUID filmId = catalog.film(creatorId);
        window(svodFor(filmId, "[\"PG\"]", now, null));
        window(worldwide(filmId, "TVOD", "[]", now.minus(Duration.ofDays(10)), null, TVOD_PRICES));

        TestHttp.Response own = get("/api/windows/film/" + filmId, TestTokens.creator(creatorId));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).hasSize(2);
        assertThat(own.json().get(0).get("type").asString()).isEqualTo("TVOD");
        assertThat(get("/api/windows/film/" + filmId, TestTokens.creator(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(get("/api/windows/film/" + filmId, viewerToken(creatorId)).status()).isEqualTo(403);
        assertThat(get("/api/windows/film/" + filmId, admin).json()).hasSize(2);
    }

    @Test
    void anExclusiveWindowAdmitsNoOtherWindowOfItsTypeInTheSameTimeAndTerritory() {
        UUID filmId = catalog.film();
        Instant start = now.plus(Duration.ofDays(10));
        Instant end = start.plus(Duration.ofDays(30));
        UUID exclusive = id(window(exclusiveSvod(filmId, "[\"PG\",\"FJ\"]", start, end)));

        TestHttp.Response overlapping = post("/api/windows", svodFor(filmId, "[\"FJ\",\"WS\"]",
                start.plus(Duration.ofDays(29)), null), admin);
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.json().get("code").asString()).isEqualTo("window-overlap");
        assertThat(overlapping.json().get("conflictingWindowIds").get(0).asString()).isEqualTo(exclusive.toString());
        // worldwide minus both of its territories does not overlap it
        window(worldwide(filmId, "SVOD", "[\"PG\",\"FJ\"]", start, null, null));
        // worldwide with only one of them excluded does
        assertThat(post("/api/windows", worldwide(filmId, "SVOD", "[\"PG\"]", start, null, null), admin).status())
                .isEqualTo(409);
        // the same territories right after it ends (end is exclusive), another type at the same time
        window(svodFor(filmId, "[\"PG\"]", end, null));
        window(worldwide(filmId, "AVOD", "[]", start, end, null));
        // non-exclusive windows of the same type may overlap each other
        UUID otherFilm = catalog.film();
        window(svodFor(otherFilm, "[\"PG\"]", start, null));
        window(svodFor(otherFilm, "[\"PG\"]", start, null));
    }

    @Test
    void twoConcurrentConflictingExclusiveCreatesLetExactlyOneWin() throws Exception {
        UUID filmId = catalog.film();
        Instant start = now.plus(Duration.ofDays(3));
        int contenders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            Callable<Integer> create = () -> {
                go.await();
                return post("/api/windows", exclusiveSvod(filmId, "[\"PG\"]", start, null), admin).status();
            };
            results.add(pool.submit(create));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from windows where film_id = ?", Long.class, filmId))
                .isEqualTo(1);
    }

    @Test
    void aWindowStartingRelativeToAnotherFollowsItWhenItMoves() {
        UUID filmId = catalog.film();
        JsonNode cinema = window("""
                {"filmId":"%s","type":"CINEMA","territories":["PG"],"startsAt":"%s"}"""
                .formatted(filmId, now.plus(Duration.ofDays(5))));
        JsonNode tvod = window("""
                {"filmId":"%s","type":"TVOD","worldwide":true,"startsRelativeTo":{"windowId":"%s","offsetDays":45},%s}"""
                .formatted(filmId, id(cinema), TVOD_PRICES));
        assertThat(Instant.parse(tvod.get("startsAt").asString())).isEqualTo(now.plus(Duration.ofDays(50)));
        assertThat(tvod.get("startsRelativeTo").get("offsetDays").asInt()).isEqualTo(45);
        JsonNode svod = window("""
                {"filmId":"%s","type":"SVOD","territories":["PG"],"startsRelativeTo":{"windowId":"%s","offsetDays":30}}"""
                .formatted(filmId, id(tvod)));
        assertThat(Instant.parse(svod.get("startsAt").asString())).isEqualTo(now.plus(Duration.ofDays(80)));

        TestHttp.Response moved = patch("/api/windows/" + id(cinema),
                "{\"startsAt\":\"" + now.plus(Duration.ofDays(12)) + "\"}", "\"0\"");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        assertThat(Instant.parse(get("/api/windows/" + id(tvod), admin).json().get("startsAt").asString()))
                .isEqualTo(now.plus(Duration.ofDays(57)));
        assertThat(Instant.parse(get("/api/windows/" + id(svod), admin).json().get("startsAt").asString()))
                .isEqualTo(now.plus(Duration.ofDays(87)));

        // a window of another film cannot be an anchor; neither can a cycle be made
        UUID otherFilm = catalog.film();
        TestHttp.Response foreign = post("/api/windows", """
                {"filmId":"%s","type":"SVOD","territories":["PG"],"startsRelativeTo":{"windowId":"%s","offsetDays":1}}"""
                .formatted(otherFilm, id(cinema)), admin);
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("code").asString()).isEqualTo("invalid-window-anchor");
        TestHttp.Response cycle = patch("/api/windows/" + id(cinema), """
                {"startsRelativeTo":{"windowId":"%s","offsetDays":1}}""".formatted(id(svod)), "\"1\"");
        assertThat(cycle.status()).isEqualTo(422);
    }

    @Test
    void changesNeedTheCurrentVersion() {
        UUID filmId = catalog.film();
        UUID windowId = id(window(svodFor(filmId, "[\"PG\"]", now.plus(Duration.ofDays(1)), null)));
        String change = "{\"territories\":[\"PG\",\"SB\"]}";

        TestHttp.Response missing = patch("/api/windows/" + windowId, change, null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().get("code").asString()).isEqualTo("precondition-required");

        TestHttp.Response first = patch("/api/windows/" + windowId, change, "\"0\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().get("territories")).hasSize(2);

        TestHttp.Response stale = patch("/api/windows/" + windowId, "{\"territories\":[\"FJ\"]}", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asString()).isEqualTo("version-mismatch");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(get("/api/windows/" + windowId, admin).json().get("territories")).hasSize(2);
        assertThat(audit.forTarget("window:" + windowId, 5)).extracting(AuditLog.Entry::action)
                .contains("window.updated");
        // a scheduled window's change is not announced; only open windows are
        assertThat(events(WindowEvents.UPDATED, "windowId", windowId)).isEmpty();
    }

    @Test
    void aPricedWindowAnswersTheVersionItIsStoredWithSoItsETagCanBeUsedAtOnce() {
        UUID filmId = catalog.film();
        TestHttp.Response created = post("/api/windows", worldwide(filmId, "TVOD", "[]", now.plus(Duration.ofDays(1)),
                null, TVOD_PRICES), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID windowId = id(created.json());
        TestHttp.Response read = get("/api/windows/" + windowId, admin);
        assertThat(created.header("ETag")).isEqualTo("\"0\"").isEqualTo(read.header("ETag"));
        assertThat(created.json().get("version").asLong()).isEqualTo(read.json().get("version").asLong());

        TestHttp.Response changed = patch("/api/windows/" + windowId, "{\"exclusive\":true}", created.header("ETag"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void everyChangeAnswersTheETagAFollowingReadGivesAndTheNextChangeCanUseIt() {
        UUID filmId = catalog.film();
        JsonNode created = window(worldwide(filmId, "PVOD", "[]", now.plus(Duration.ofDays(1)), null,
                "\"prices\":[{\"currency\":\"PGK\",\"amount\":4900}]"));
        String etag = get("/api/windows/" + id(created), admin).header("ETag");

        TestHttp.Response repriced = patch("/api/windows/" + id(created),
                "{\"prices\":[{\"currency\":\"PGK\",\"amount\":3900},{\"currency\":\"USD\",\"amount\":1199}]}",
                etag);
        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        assertThat(repriced.header("ETag")).isNotEqualTo(etag)
                .isEqualTo(get("/api/windows/" + id(created), admin).header("ETag"));
        TestHttp.Response widened = patch("/api/windows/" + id(created), "{\"excludedTerritories\":[\"AU\"]}",
                repriced.header("ETag"));
        assertThat(widened.status()).as(widened.body()).isEqualTo(200);
        assertThat(widened.header("ETag")).isEqualTo(get("/api/windows/" + id(created), admin).header("ETag"));

        TestHttp.Response cancelled = post("/api/windows/" + id(created) + "/cancel", "{\"reason\":\"re-cut\"}",
                admin);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.header("ETag")).isNotEqualTo(widened.header("ETag"))
                .isEqualTo(get("/api/windows/" + id(created), admin).header("ETag"));
        // the cancelled window's current version is accepted; the window itself no longer changes
        assertProblem(patch("/api/windows/" + id(created), "{\"exclusive\":true}", cancelled.header("ETag")), 409,
                "window-not-editable");
    }

    @Test
    void anIfMatchThatIsNoTagWeHandedOutIsAVersionMismatch() {
        UUID windowId = id(window(svodFor(catalog.film(), "[\"PG\"]", now.plus(Duration.ofDays(1)), null)));
        TestHttp.Response garbage = patch("/api/windows/" + windowId, "{\"exclusive\":true}", "\"three\"");
        assertProblem(garbage, 412, "version-mismatch");
        assertThat(garbage.json().get("currentVersion").asLong()).isZero();
        assertThat(patch("/api/windows/" + windowId, "{\"exclusive\":true}", "W/\"0\"").status()).isEqualTo(200);
    }

    @Test
    void aCreatorAskingForTheWindowsOfAFilmCatalogDoesNotKnowGetsFilmNotFound() {
        assertProblem(get("/api/windows/film/" + UUID.randomUUID(), TestTokens.creator(UUID.randomUUID())), 404,
                "film-not-found");
    }

    @Test
    void cancellingIsAuditedWithItsReasonAndEndsTheWindowForGood() {
        UUID filmId = catalog.film();
        UUID windowId = id(window(svodFor(filmId, "[\"PG\"]", now.plus(Duration.ofDays(1)), null)));

        assertThat(post("/api/windows/" + windowId + "/cancel", "{\"reason\":\" \"}", admin).status()).isEqualTo(400);
        TestHttp.Response cancelled = post("/api/windows/" + windowId + "/cancel",
                "{\"reason\":\"Distributor withdrew PG rights\"}", admin);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("Distributor withdrew PG rights");
        assertThat(audit.forTarget("window:" + windowId, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("window.cancelled");
            assertThat(e.details()).contains("Distributor withdrew PG rights");
            assertThat(e.actorId()).isEqualTo(adminId.toString());
        });
        TestHttp.Response again = post("/api/windows/" + windowId + "/cancel", "{\"reason\":\"twice\"}", admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("window-not-editable");
        assertThat(patch("/api/windows/" + windowId, "{\"exclusive\":true}", "\"1\"").status()).isEqualTo(409);
        assertThat(get("/api/windows/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
    }

    @Test
    void ofTwoConcurrentChangesMadeAgainstTheSameVersionOnlyOneLands() throws Exception {
        UUID filmId = catalog.film();
        UUID windowId = id(window(svodFor(filmId, "[\"PG\"]", now.plus(Duration.ofDays(1)), null)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> fiji = pool.submit(() -> {
            go.await();
            return patch("/api/windows/" + windowId, "{\"territories\":[\"FJ\"]}", "\"0\"").status();
        });
        Future<Integer> samoa = pool.submit(() -> {
            go.await();
            return patch("/api/windows/" + windowId, "{\"territories\":[\"WS\"]}", "\"0\"").status();
        });
        go.countDown();
        List<Integer> statuses = List.of(fiji.get(), samoa.get());
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        JsonNode after = get("/api/windows/" + windowId, admin).json();
        assertThat(after.get("version").asLong()).isEqualTo(1);
        assertThat(after.get("territories").get(0).asString()).isEqualTo(statuses.get(0) == 200 ? "FJ" : "WS");
    }

    private void assertInvalid(String body, String field) {
        TestHttp.Response response = post("/api/windows", body, admin);
        assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("validation-failed");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }

    static String exclusiveSvod(UUID filmId, String territories, Instant start, Instant end) {
        return """
                {"filmId":"%s","type":"SVOD","territories":%s,"startsAt":"%s","exclusive":true%s}"""
                .formatted(filmId, territories, start, end == null ? "" : ",\"endsAt\":\"" + end + "\"");
    }
}
