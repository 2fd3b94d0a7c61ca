package com.thewans.playback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.playback.PlatformStub;
import com.thewans.playback.PlaybackTestSupport;

import tools.jackson.databind.JsonNode;

class DeliveryTest extends PlaybackTestSupport {

    @Test
    void theMasterPlaylistListsOnlyTheRenditionsThePlanAllows() {
        Viewer basic = subscriber("basic");  // 480p
        JsonNode started = started(basic, svodFilm(), "tv");

        Fetched master = fetch(started.get("manifests").get("hls").asString());

        assertThat(master.status()).isEqualTo(200);
        assertThat(master.contentType()).startsWith("application/vnd.apple.mpegurl");
        assertThat(master.text()).contains("RESOLUTION=640x360", "RESOLUTION=854x480", "hls/480p/index.m3u8?token=",
                "URI=\"hls/audio/index.m3u8?token=").doesNotContain("720", "1080");
        assertThat(started.get("renditions").toString()).isEqualTo("[\"360p\",\"480p\"]");
        Fetched above = fetch(sessionUrl(started, "hls/720p/index.m3u8"));
        assertThat(above.status()).isEqualTo(403);
        assertThat(above.json().get("code").asString()).isEqualTo("rendition-not-allowed");
    }

    @Test
    void aVariantPlaylistNamesPlaybacksKeyWithTheTokenAndPresignedSegments() throws Exception {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        JsonNode started = started(viewer, filmId, "tv");

        Fetched variant = fetch(sessionUrl(started, "hls/1080p/index.m3u8"));

        assertThat(variant.status()).isEqualTo(200);
        assertThat(variant.text()).contains("#EXT-X-KEY:METHOD=AES-128,URI=\"" + started.get("keyUrl").asString()
                + "\",IV=0x000102030405060708090a0b0c0d0e0f");
        String segment = variant.text().lines().filter(l -> l.contains("seg_00000.m4s")).findFirst().orElseThrow();
        assertThat(segment).contains("X-Amz-Signature=");
        HttpResponse<String> fromStorage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(segment))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromStorage.body()).isEqualTo("segment 0 of 1080p");
    }

    @Test
    void theKeyIsServedToALiveSessionAndFetchedFromTranscodingAsPlayback() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        JsonNode started = started(viewer, filmId, "tv");

        Fetched key = fetch(started.get("keyUrl").asString());

        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body()).isEqualTo(platform.keyOf(filmId));
        assertThat(platform.keyAuthorizations()).allMatch(a -> a.startsWith("Bearer "
                + PlatformStub.SERVICE_TOKEN_PREFIX));
    }

    @Test
    void noKeyAfterTheSessionStopsOrLapses() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        JsonNode stopped = started(viewer, filmId, "tv");
        JsonNode lapsing = started(viewer, filmId, "phone");

        stop(viewer, uuid(stopped, "sessionId"), 100.0);
        assertThat(fetch(stopped.get("keyUrl").asString()).status()).isEqualTo(409);
        clock.advance(Duration.ofSeconds(96));
        Fetched lapsed = fetch(lapsing.get("keyUrl").asString());

        assertThat(lapsed.status()).isEqualTo(409);
        assertThat(lapsed.json().get("code").asString()).isEqualTo("session-ended");
        assertThat(lapsed.body()).hasSizeGreaterThan(16);
    }

    @Test
    void tokensForAnotherFilmForgedOrExpiredOpenNothing() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        UUID otherFilm = svodFilm();
        JsonNode started = started(viewer, filmId, "tv");
        String token = started.get("token").asString();

        Fetched otherKey = fetch("/api/playback/key/" + otherFilm + "?token=" + token);
        Fetched forged = fetch("/api/playback/key/" + filmId + "?token=" + token.substring(0, token.length() - 4)
                + "AAAA");
        Fetched none = fetch("/api/playback/key/" + filmId);
        clock.advance(Duration.ofMinutes(11));
        beat(viewer, uuid(started, "sessionId"), 600);  // still playing, but the token has expired
        Fetched expired = fetch(started.get("keyUrl").asString());

        assertThat(otherKey.status()).isEqualTo(403);
        assertThat(otherKey.json().get("code").asString()).isEqualTo("playback-token-mismatch");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(none.status()).isEqualTo(401);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("code").asString()).isEqualTo("playback-token-invalid");
        String fresh = get("/api/playback/token/" + filmId + "?deviceId=tv", viewer.token()).json().get("keyUrl")
                .asString();
        assertThat(fetch(fresh).status()).isEqualTo(200);
    }

    @Test
    void aTokenOfOneSessionOpensNoOtherSessionsPlaylists() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        JsonNode mine = started(viewer, filmId, "tv");
        JsonNode theirs = started(subscriber("standard"), filmId, "tv");

        Fetched crossed = fetch("/api/playback/sessions/" + uuid(theirs, "sessionId") + "/master.m3u8?token="
                + mine.get("token").asString());

        assertThat(crossed.status()).isEqualTo(403);
    }

    @Test
    void playingSessionsKeepTheirKeyWhileTranscodingIsDown() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        JsonNode started = started(viewer, filmId, "tv");
        assertThat(fetch(started.get("keyUrl").asString()).status()).isEqualTo(200);
        int asked = platform.keyRequests();

        platform.transcodingDown(true);

        assertThat(fetch(started.get("keyUrl").asString()).body()).isEqualTo(platform.keyOf(filmId));
        assertThat(platform.keyRequests()).isEqualTo(asked);
        UUID uncached = svodFilm();
        Fetched unavailable = fetch(started(viewer, uncached, "phone").get("keyUrl").asString());
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().get("code").asString()).isEqualTo("dependency-unavailable");
    }

    @Test
    void theClearKeyLicenceAnswersTheFilmsKeyForItsKeyIdOnly() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        JsonNode started = started(viewer, filmId, "tv");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String kid = b64.encodeToString(PlatformStub.keyIdOf(filmId));

        Fetched licence = fetch("POST", started.get("licenceUrl").asString(),
                "{\"kids\":[\"" + kid + "\"],\"type\":\"temporary\"}");
        Fetched otherKid = fetch("POST", started.get("licenceUrl").asString(),
                "{\"kids\":[\"" + b64.encodeToString(new byte[16]) + "\"],\"type\":\"temporary\"}");
        Fetched widevine = fetch("POST", started.get("licenceUrl").asString().replace("clearkey", "widevine"), "x");

        assertThat(licence.status()).as(licence.text()).isEqualTo(200);
        JsonNode key = licence.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("oct");
        assertThat(key.get("kid").asString()).isEqualTo(kid);
        assertThat(Base64.getUrlDecoder().decode(key.get("k").asString())).isEqualTo(platform.keyOf(filmId));
        assertThat(otherKid.json().get("keys")).isEmpty();
        assertThat(widevine.status()).isEqualTo(404);
        assertThat(widevine.json().get("code").asString()).isEqualTo("licence-system-unsupported");
    }

    @Test
    void theDashManifestIsCappedAndItsSegmentsRedirectOnlyWithinThePlan() {
        Viewer basic = subscriber("basic");
        JsonNode started = started(basic, svodFilm(), "tv");

        Fetched manifest = fetch(started.get("manifests").get("dash").asString());

        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.text()).contains("height=\"480\"", "height=\"360\"", "mimeType=\"audio/mp4\"",
                "<BaseURL>http://localhost:8080/api/playback/sessions/" + uuid(started, "sessionId") + "/dash/")
                .doesNotContain("height=\"720\"", "height=\"1080\"");
        String base = manifest.text().replaceAll("(?s).*<BaseURL>([^<]*)</BaseURL>.*", "$1");
        Fetched allowed = fetch(base + "seg_1_00001.m4s");
        assertThat(allowed.status()).isEqualTo(302);
        assertThat(allowed.location()).contains("seg_1_00001.m4s").contains("X-Amz-Signature=");
        assertThat(fetch(base + "seg_3_00001.m4s").status()).isEqualTo(403);
        assertThat(fetch(base + "..%2F..%2Fmaster.m3u8").status()).isBetween(400, 404);
    }

    private static String sessionUrl(JsonNode started, String path) {
        return "/api/playback/sessions/" + started.get("sessionId").asString() + "/" + path + "?token="
                + started.get("token").asString();
    }
}
