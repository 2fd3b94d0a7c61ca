package com.thewans.catalog.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.catalog.CatalogTestSupport;
import com.thewans.common.storage.ObjectStorage;

import tools.jackson.databind.JsonNode;

/** Artwork goes browser to storage with a presigned PUT; catalog checks what arrived. */
class FilmAssetTest extends CatalogTestSupport {

    static final byte[] PNG = pngOf(2048);

    @Autowired
    ObjectStorage storage;

    final HttpClient browser = HttpClient.newHttpClient();

    static byte[] pngOf(int size) {
        byte[] bytes = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    private JsonNode ticket(String filmId, String kind, String contentType) {
        var response = post("/api/films/" + filmId + "/assets/uploads",
                "{\"kind\": \"%s\", \"contentType\": \"%s\"}".formatted(kind, contentType), creator);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private int upload(JsonNode ticket, String contentType, byte[] bytes) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(ticket.get("uploadUrl").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", contentType).build();
        return browser.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String confirm(String filmId, String kind, String key) {
        return "{\"kind\": \"%s\", \"key\": \"%s\"}".formatted(kind, key);
    }

    @Test
    void aPosterUploadedThroughThePresignedUrlAppearsOnTheFilmAndLoadsInABrowser() throws Exception {
        String filmId = publishedFilm("Poster Film", "Has a poster.").get("id").asString();
        var ticket = ticket(filmId, "POSTER", "image/png");
        assertThat(ticket.get("method").asString()).isEqualTo("PUT");
        assertThat(ticket.get("headers").get("Content-Type").asString()).isEqualTo("image/png");
        assertThat(ticket.get("key").asString()).startsWith("films/" + filmId + "/poster/");
        assertThat(ticket.get("maxSizeBytes").asLong()).isEqualTo(10L * 1024 * 1024);

        assertThat(upload(ticket, "image/png", PNG)).isEqualTo(200);
        var confirmed = post("/api/films/" + filmId + "/assets", confirm(filmId, "POSTER",
                ticket.get("key").asString()), creator);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        var asset = confirmed.json().get("assets").get(0);
        assertThat(asset.get("kind").asString()).isEqualTo("POSTER");
        assertThat(asset.get("sizeBytes").asLong()).isEqualTo(PNG.length);
        var poster = browser.send(HttpRequest.newBuilder(URI.create(asset.get("url").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.body()).isEqualTo(PNG);

        var redirect = get(asset.get("path").asString(), null);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).contains(ticket.get("key").asString());
        assertThat(get("/api/films/" + filmId, null).json().get("assets").get(0).get("id").asString())
                .isEqualTo(asset.get("id").asString());

        var removed = send("DELETE", "/api/films/" + filmId + "/assets/" + asset.get("id").asString(), null, creator);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(get("/api/films/" + filmId, null).json().get("assets")).isEmpty();
        assertThat(storage.exists(storage.buckets().assets(), ticket.get("key").asString())).isFalse();
    }

    @Autowired
    UnconfirmedUploadSweeper sweeper;

    @Test
    void anUploadNeverConfirmedIsSweptFromStorageOnceItsTicketHasExpired() throws Exception {
        String filmId = createFilm(creator, filmJson("Abandoned Upload", "x")).get("id").asString();
        var abandoned = ticket(filmId, "STILL", "image/png");
        var pending = ticket(filmId, "STILL", "image/png");
        upload(abandoned, "image/png", PNG);
        upload(pending, "image/png", PNG);
        jdbc.update("update asset_upload set expires_at = now() - interval '2 hours' where object_key = ?",
                abandoned.get("key").asString());

        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(storage.exists(storage.buckets().assets(), abandoned.get("key").asString())).isFalse();
        assertThat(storage.exists(storage.buckets().assets(), pending.get("key").asString())).isTrue();
        assertProblem(post("/api/films/" + filmId + "/assets", confirm(filmId, "STILL",
                abandoned.get("key").asString()), creator), 400, "validation-failed");
        assertThat(post("/api/films/" + filmId + "/assets", confirm(filmId, "STILL", pending.get("key").asString()),
                creator).status()).isEqualTo(201);
        // confirming again changes nothing
        var again = post("/api/films/" + filmId + "/assets", confirm(filmId, "STILL", pending.get("key").asString()),
                creator);
        assertThat(again.json().get("assets")).hasSize(1);
    }

    @Test
    void aKeyThatWasNeverTicketedIsRefused() {
        String filmId = createFilm(creator, filmJson("Made Up Key", "x")).get("id").asString();
        storage.put(storage.buckets().assets(), "films/" + filmId + "/poster/forged.png", PNG, "image/png");

        assertProblem(post("/api/films/" + filmId + "/assets", confirm(filmId, "POSTER",
                "films/" + filmId + "/poster/forged.png"), creator), 400, "validation-failed");
    }

    @Test
    void confirmingBeforeUploadingIsRefused() {
        String filmId = createFilm(creator, filmJson("No Upload", "x")).get("id").asString();
        var ticket = ticket(filmId, "STILL", "image/jpeg");

        assertProblem(post("/api/films/" + filmId + "/assets", confirm(filmId, "STILL", ticket.get("key").asString()),
                creator), 400, "asset-not-uploaded");
    }

    @Test
    void aFileThatIsNotWhatItClaimsIsRefusedAndDeleted() throws Exception {
        String filmId = createFilm(creator, filmJson("Fake Poster", "x")).get("id").asString();
        var ticket = ticket(filmId, "POSTER", "image/png");
        upload(ticket, "image/png", "MZ this is a program, not a picture".getBytes(StandardCharsets.UTF_8));

        assertProblem(post("/api/films/" + filmId + "/assets", confirm(filmId, "POSTER", ticket.get("key").asString()),
                creator), 400, "asset-type-not-allowed");
        assertThat(storage.exists(storage.buckets().assets(), ticket.get("key").asString())).isFalse();
    }

    @Test
    void anUploadWithAnotherContentTypeThanTheKindAllowsIsRefused() throws Exception {
        String filmId = createFilm(creator, filmJson("Wrong Type", "x")).get("id").asString();
        var ticket = ticket(filmId, "POSTER", "image/png");
        upload(ticket, "image/gif", PNG); // the browser ignored the header it was told to send

        assertProblem(post("/api/films/" + filmId + "/assets", confirm(filmId, "POSTER", ticket.get("key").asString()),
                creator), 400, "asset-type-not-allowed");
        assertProblem(post("/api/films/" + filmId + "/assets/uploads",
                "{\"kind\": \"TRAILER\", \"contentType\": \"image/png\"}", creator), 400, "validation-failed");
        var unknownKind = post("/api/films/" + filmId + "/assets/uploads",
                "{\"kind\": \"SOUNDTRACK\", \"contentType\": \"audio/mpeg\"}", creator);
        assertProblem(unknownKind, 400, "validation-failed");
        assertThat(unknownKind.body()).contains("\"field\":\"kind\"").contains("POSTER");
    }

    @Test
    void aPosterLargerThanTenMegabytesIsRefusedAndDeleted() throws Exception {
        String filmId = createFilm(creator, filmJson("Huge Poster", "x")).get("id").asString();
        var ticket = ticket(filmId, "POSTER", "image/png");
        byte[] huge = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
        assertThat(upload(ticket, "image/png", huge)).isEqualTo(200);

        var refused = post("/api/films/" + filmId + "/assets", confirm(filmId, "POSTER", ticket.get("key").asString()),
                creator);
        assertProblem(refused, 400, "asset-too-large");
        assertThat(storage.exists(storage.buckets().assets(), ticket.get("key").asString())).isFalse();
    }

    @Test
    void onlyTheOwnerOrAnAdminManagesArtworkAndKeysOfOtherFilmsAreRefused() {
        String filmId = publishedFilm("Guarded Art", "x").get("id").asString();
        String otherFilm = createFilm(creator, filmJson("Other", "x")).get("id").asString();

        assertProblem(post("/api/films/" + filmId + "/assets/uploads",
                "{\"kind\": \"POSTER\", \"contentType\": \"image/png\"}", otherCreator), 403, "forbidden");
        assertProblem(post("/api/films/" + filmId + "/assets/uploads",
                "{\"kind\": \"POSTER\", \"contentType\": \"image/png\"}", viewer), 403, "forbidden");
        var otherTicket = ticket(otherFilm, "POSTER", "image/png");
        assertProblem(post("/api/films/" + filmId + "/assets", confirm(filmId, "POSTER",
                otherTicket.get("key").asString()), creator), 400, "validation-failed");
    }
}
