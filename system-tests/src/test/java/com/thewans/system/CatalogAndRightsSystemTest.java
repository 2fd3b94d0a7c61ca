package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Issue 4's story through the gateway: a creator puts a film with genres and a poster in the
 * catalogue and publishes it, an administrator opens an SVOD window for Papua New Guinea and a TVOD
 * window worldwide, and a viewer finds the film by a misspelt title and sees the offers of PG and AU.
 */
@Order(3)
@ExtendWith(RunningPlatform.class)
class CatalogAndRightsSystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aCreatorPublishesAFilmAndAViewerFindsItWithTheOffersOfTheirTerritory() throws Exception {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();

        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        UUID creatorId = creator.userId();

        String tag = UUID.randomUUID().toString().substring(0, 6);
        var created = studio.send("POST", "/api/films", Map.of(
                "title", "Sing-Sing at Mount Hagen " + tag,
                "synopsis", "Tribes of the Highlands gather in paint and plumes for the great show.",
                "runtimeMinutes", 94, "releaseYear", 2025, "countries", List.of("PG"), "languages",
                List.of("tpi", "en"), "maturityRating", "PG", "genres", List.of("documentary", "music"),
                "credits", Map.of("directors", List.of(Map.of("name", "Kila Wemp")))), creator);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String filmId = created.json().get("id").asString();
        assertThat(created.json().get("creatorId").asString()).isEqualTo(creatorId.toString());
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(gateway.get("/api/films/" + filmId).status()).as("a draft is not public").isEqualTo(404);

        // the poster goes straight to object storage through a presigned URL, then is confirmed
        var ticket = studio.send("POST", "/api/films/" + filmId + "/assets/uploads",
                Map.of("kind", "POSTER", "contentType", "image/png"), creator);
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        byte[] png = png();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.json().get("uploadUrl").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png));
        ticket.json().get("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asString());
            }
        });
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(put.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        var confirmed = studio.send("POST", "/api/films/" + filmId + "/assets",
                Map.of("kind", "POSTER", "key", ticket.json().get("key").asString()), creator);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);

        var published = studio.send("POST", "/api/films/" + filmId + "/publish", null, creator);
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        // the public film carries a poster URL a browser can load
        var film = gateway.get("/api/films/" + filmId);
        assertThat(film.status()).as(film.body()).isEqualTo(200);
        JsonNode poster = film.json().get("assets").get(0);
        assertThat(poster.get("kind").asString()).isEqualTo("POSTER");
        HttpResponse<byte[]> image = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(absolute(poster.get("url").asString()))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(png);

        // an administrator opens SVOD in PG and TVOD worldwide
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var svod = office.send("POST", "/api/windows", Map.of("filmId", filmId, "type", "SVOD",
                "territories", List.of("PG"), "startsAt", now.minusSeconds(60).toString()), admin);
        assertThat(svod.status()).as(svod.body()).isEqualTo(201);
        var tvod = office.send("POST", "/api/windows", Map.of("filmId", filmId, "type", "TVOD",
                "worldwide", true, "startsAt", now.minusSeconds(60).toString(),
                "endsAt", now.plus(Duration.ofDays(90)).toString(),
                "prices", List.of(Map.of("currency", "PGK", "amount", 990), Map.of("currency", "USD", "amount", 299))),
                admin);
        assertThat(tvod.status()).as(tvod.body()).isEqualTo(201);

        // a viewer misspells the title and still finds it
        Visitor viewer = new Visitor(gateway);
        var found = viewer.get("/api/films?q=" + java.net.URLEncoder.encode("Sing Sing at Mount Hagn", "UTF-8")
                + "&size=50", null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(ids(found)).contains(filmId);

        // what they can do depends on where they are
        var inPng = viewer.get("/api/availability/" + filmId + "?territory=PG", null);
        assertThat(inPng.status()).as(inPng.body()).isEqualTo(200);
        assertThat(offers(inPng)).containsExactlyInAnyOrder("SUBSCRIPTION", "RENT");
        var rent = find(inPng.json().get("offers"), "RENT");
        assertThat(rent.get("prices").toString()).contains("K 9.90");
        var inAustralia = viewer.get("/api/availability/" + filmId + "?territory=AU", null);
        assertThat(offers(inAustralia)).containsExactly("RENT");

        // the catalogue learns from rights' events which films stream now where
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> viewer.get("/api/films?availableAs=SVOD&territory=PG&size=100&sort=newest", null),
                        response -> response.status() == 200 && ids(response).contains(filmId));
        var notInAustralia = viewer.get("/api/films?availableAs=SVOD&territory=AU&size=100&sort=newest", null);
        assertThat(ids(notInAustralia)).doesNotContain(filmId);
    }

    private static String absolute(String url) {
        return url.startsWith("http") ? url : RunningPlatform.stack().gatewayUrl() + url;
    }

    private static List<String> ids(TestHttp.Response page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> offers(TestHttp.Response availability) {
        List<String> offers = new ArrayList<>();
        availability.json().get("offers").forEach(o -> offers.add(o.get("offer").asString()));
        return offers;
    }

    private static JsonNode find(JsonNode offers, String offer) {
        for (JsonNode o : offers) {
            if (o.get("offer").asString().equals(offer)) {
                return o;
            }
        }
        throw new AssertionError("no " + offer + " offer in " + offers);
    }

    /** The smallest PNG there is: one transparent pixel. */
    private static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }
}
