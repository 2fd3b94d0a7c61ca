package com.thewans.rights.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.rights.RightsTestSupport;
import com.thewans.rights.window.WindowLifecycle;
import com.thewans.testkit.TestHttp;

import jakarta.persistence.EntityManagerFactory;
import tools.jackson.databind.JsonNode;

class AvailabilityTest extends RightsTestSupport {

    @Autowired
    WindowLifecycle lifecycle;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void aViewerInPapuaNewGuineaCanRentWhatAViewerInAustraliaCannot() {
        UUID filmId = catalog.film();
        window(worldwide(filmId, "TVOD", "[\"AU\"]", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                TVOD_PRICES));

        JsonNode pg = availability(filmId, "PG");
        assertThat(pg.get("available").asBoolean()).isTrue();
        assertThat(pg.get("territory").asString()).isEqualTo("PG");
        JsonNode rent = pg.get("offers").get(0);
        assertThat(rent.get("offer").asString()).isEqualTo("RENT");
        assertThat(rent.get("windowType").asString()).isEqualTo("TVOD");
        assertThat(rent.get("prices").get(0).get("amount").asLong()).isEqualTo(990);
        assertThat(rent.get("prices").get(0).get("currency").asString()).isEqualTo("PGK");
        assertThat(rent.get("prices").get(0).get("display").asString()).isEqualTo("K 9.90");
        assertThat(rent.get("rental").get("watchWithinHours").asInt()).isEqualTo(48);
        assertThat(pg.has("unavailable")).isFalse();

        JsonNode au = availability(filmId, "au");
        assertThat(au.get("territory").asString()).isEqualTo("AU");
        assertThat(au.get("available").asBoolean()).isFalse();
        assertThat(au.get("offers")).isEmpty();
        assertThat(au.get("unavailable").get("code").asString()).isEqualTo("NO_WINDOW_IN_TERRITORY");
    }

    @Test
    void eachOpenWindowIsAnOfferAndLaterOnesAreComing() {
        UUID filmId = catalog.film();
        Instant tvodOpens = now.plus(Duration.ofDays(45));
        window(worldwide(filmId, "AVOD", "[\"AU\"]", now.minus(Duration.ofDays(1)), null, null));
        window(svodFor(filmId, "[\"PG\",\"FJ\"]", now.minus(Duration.ofDays(1)), null));
        window(worldwide(filmId, "TVOD", "[]", tvodOpens, null, TVOD_PRICES));
        window("""
                {"filmId":"%s","type":"COLLECTOR","territories":["PG"],"startsAt":"%s","editionSize":500,
                 "prices":[{"currency":"PGK","amount":15000}]}""".formatted(filmId, now.minus(Duration.ofHours(1))));
        window("""
                {"filmId":"%s","type":"PPV","territories":["PG"],"startsAt":"%s","endsAt":"%s",
                 "prices":[{"currency":"PGK","amount":2500}],
                 "ppv":{"eventStartsAt":"%s","durationMinutes":120}}"""
                .formatted(filmId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)),
                        now.plus(Duration.ofDays(1))));

        JsonNode pg = availability(filmId, "PG");
        assertThat(offers(pg)).containsExactlyInAnyOrder("WATCH_FREE_WITH_ADS", "SUBSCRIPTION", "COLLECTOR_EDITION",
                "PPV_TICKET");
        assertThat(pg.get("upcoming").get(0).get("offer").asString()).isEqualTo("RENT");
        assertThat(Instant.parse(pg.get("upcoming").get(0).get("startsAt").asString())).isEqualTo(tvodOpens);
        JsonNode ppv = find(pg.get("offers"), "PPV_TICKET");
        assertThat(Instant.parse(ppv.get("ppv").get("eventStartsAt").asString())).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(find(pg.get("offers"), "COLLECTOR_EDITION").get("editionSize").asInt()).isEqualTo(500);

        // Australia is excluded from AVOD and has no SVOD: only the coming rental
        JsonNode au = availability(filmId, "AU");
        assertThat(au.get("available").asBoolean()).isFalse();
        assertThat(au.get("unavailable").get("code").asString()).isEqualTo("NOT_YET_OPEN");
        assertThat(au.get("unavailable").get("detail").asString()).contains("TVOD").contains(
                tvodOpens.toString().substring(0, 10));
    }

    @Test
    void festivalsAndCinemasAreShownButAreNotStreamable() {
        UUID filmId = catalog.film();
        window("""
                {"filmId":"%s","type":"FESTIVAL","territories":["PG"],"startsAt":"%s","endsAt":"%s"}"""
                .formatted(filmId, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6))));
        JsonNode pg = availability(filmId, "PG");
        assertThat(pg.get("available").asBoolean()).isFalse();
        assertThat(offers(pg)).containsExactly("FESTIVAL_SCREENING");
        assertThat(pg.get("unavailable").get("code").asString()).isEqualTo("NOT_STREAMABLE_YET");
    }

    @Test
    void anEndedWindowSaysSoAndACancelledOneIsGone() {
        UUID filmId = catalog.film();
        window(svodFor(filmId, "[\"PG\"]", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
        UUID cancelled = id(window(svodFor(filmId, "[\"FJ\"]", now.minus(Duration.ofDays(1)), null)));
        post("/api/windows/" + cancelled + "/cancel", "{\"reason\":\"withdrawn\"}", admin);

        assertThat(availability(filmId, "PG").get("unavailable").get("code").asString()).isEqualTo("WINDOW_EXPIRED");
        assertThat(availability(filmId, "FJ").get("unavailable").get("code").asString())
                .isEqualTo("NO_WINDOW_IN_TERRITORY");
    }

    @Test
    void theTerritoryIsRequiredAndMustBeACountryCode() {
        UUID filmId = catalog.film();
        for (String query : List.of("", "?territory=", "?territory=ZZ", "?territory=PNG", "?territory=P%27")) {
            TestHttp.Response response = get("/api/availability/" + filmId + query, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("territory");
        }
        assertThat(get("/api/availability/not-a-uuid?territory=PG", null).status()).isEqualTo(400);
    }

    @Test
    void aHundredFilmsAreAnsweredWithOneQueryAndAHundredAndOneAreRefused() {
        List<UUID> filmIds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UUID filmId = UUID.randomUUID();
            filmIds.add(filmId);
        }
        // windows straight into the table: creating 100 through the API would only slow the test
        for (int i = 0; i < 100; i += 2) {
            jdbc.update("""
                    insert into windows (id, film_id, type, status, worldwide, territories, starts_at, created_at, updated_at)
                    values (?, ?, 'AVOD', 'ACTIVE', true, '{}', ?, now(), now())""",
                    UUID.randomUUID(), filmIds.get(i), java.sql.Timestamp.from(now.minus(Duration.ofDays(1))));
        }
        var statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();

        TestHttp.Response bulk = post("/api/availability/bulk", body(filmIds, "PG"), null);

        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(statistics.getPrepareStatementCount() - before).isEqualTo(1);
        JsonNode films = bulk.json().get("films");
        assertThat(films).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(films.get(i).get("filmId").asString()).isEqualTo(filmIds.get(i).toString());
            assertThat(films.get(i).get("available").asBoolean()).as("film " + i).isEqualTo(i % 2 == 0);
        }
        // all cached now: no query at all
        long cached = statistics.getPrepareStatementCount();
        assertThat(post("/api/availability/bulk", body(filmIds, "PG"), null).status()).isEqualTo(200);
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(cached);

        List<UUID> tooMany = new ArrayList<>(filmIds);
        tooMany.add(UUID.randomUUID());
        TestHttp.Response refused = post("/api/availability/bulk", body(tooMany, "PG"), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("filmIds");
        assertThat(post("/api/availability/bulk", body(List.of(), "PG"), null).status()).isEqualTo(400);
        assertThat(post("/api/availability/bulk", body(filmIds.subList(0, 2), "XX"), null).status()).isEqualTo(400);
    }

    @Test
    void answersAreCachedUntilAWindowOfTheFilmChanges() {
        UUID filmId = catalog.film();
        UUID windowId = id(window(svodFor(filmId, "[\"PG\"]", now.minus(Duration.ofDays(1)), null)));
        assertThat(availability(filmId, "PG").get("available").asBoolean()).isTrue();
        assertThat(redis.keys("rights:availability:" + filmId + ":*")).hasSize(1);

        // behind the service's back: the cached answer stands
        jdbc.update("update windows set territories = '{FJ}' where id = ?", windowId);
        assertThat(availability(filmId, "PG").get("available").asBoolean()).isTrue();

        // a change through the service evicts every territory's answer for the film
        String etag = get("/api/windows/" + windowId, admin).header("ETag");
        assertThat(patch("/api/windows/" + windowId, "{\"territories\":[\"FJ\"]}", etag).status()).isEqualTo(200);
        assertThat(availability(filmId, "PG").get("available").asBoolean()).isFalse();
        assertThat(availability(filmId, "FJ").get("available").asBoolean()).isTrue();
    }

    @Test
    void aWindowOpeningOrClosingEvictsTheCachedAnswer() {
        UUID filmId = catalog.film();
        Instant opens = now.plus(Duration.ofDays(2));
        window(svodFor(filmId, "[\"PG\"]", opens, opens.plus(Duration.ofDays(10))));
        assertThat(availability(filmId, "PG").get("unavailable").get("code").asString()).isEqualTo("NOT_YET_OPEN");
        long ttl = redis.getExpire(redis.keys("rights:availability:" + filmId + ":*").iterator().next());
        assertThat(ttl).isBetween(1L, 300L);

        clock.set(opens);
        lifecycle.advance();
        assertThat(availability(filmId, "PG").get("available").asBoolean()).isTrue();

        clock.set(opens.plus(Duration.ofDays(10)));
        lifecycle.advance();
        assertThat(availability(filmId, "PG").get("unavailable").get("code").asString()).isEqualTo("WINDOW_EXPIRED");
    }

    private JsonNode availability(UUID filmId, String territory) {
        TestHttp.Response response = get("/api/availability/" + filmId + "?territory=" + territory, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String body(List<UUID> filmIds, String territory) {
        return "{\"territory\":\"" + territory + "\",\"filmIds\":["
                + filmIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
    }

    private static List<String> offers(JsonNode availability) {
        List<String> offers = new ArrayList<>();
        availability.get("offers").forEach(o -> offers.add(o.get("offer").asString()));
        return offers;
    }

    private static JsonNode find(JsonNode offers, String offer) {
        for (JsonNode o : offers) {
            if (o.get("offer").asString().equals(offer)) {
                return o;
            }
        }
        throw new AssertionError("no " + offer + " in " + offers);
    }
}
