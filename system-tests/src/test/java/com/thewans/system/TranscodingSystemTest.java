package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Issue 5's story through the gateway: a creator uploads a generated master straight to storage
 * through presigned multipart URLs, the job runs on the stack's worker, and the encrypted HLS
 * master playlist is in the media bucket.
 */
@Order(4)
@ExtendWith(RunningPlatform.class)
class TranscodingSystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aCreatorsUploadedMasterBecomesAnEncryptedAdaptiveLadder(@TempDir Path work) throws Exception {
        Visitor studio = new Visitor(gateway);
        String creatorEmail = Visitor.uniqueEmail("creator");
        Visitor.Session creator = studio.newCreator(creatorEmail);
        var film = studio.send("POST", "/api/films", Map.of("title", "Kundu Drums", "maturityRating", "G",
                "genres", List.of("music")), creator);
        assertThat(film.status()).as(film.body()).isEqualTo(201);
        String filmId = film.json().get("id").asString();

        JsonNode done = FilmMasters.uploadAndTranscode(studio, creator, filmId, 4, work);
        String jobId = done.get("id").asString();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        var outputs = done.get("outputs");
        HttpClient storage = HttpClient.newHttpClient();

        // another viewer does not see someone else's job
        Visitor stranger = new Visitor(gateway);
        assertThat(stranger.get("/api/transcode/status/" + jobId, stranger.newViewer()).status()).isEqualTo(403);

        String media = RunningPlatform.stack().s3Endpoint() + "/" + outputs.get("bucket").asString() + "/";
        HttpResponse<String> playlist = storage.send(HttpRequest.newBuilder(
                URI.create(media + outputs.get("hlsMasterKey").asString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.body()).startsWith("#EXTM3U").contains("RESOLUTION=640x360").contains("RESOLUTION=426x240")
                .contains("CODECS=");
        HttpResponse<String> manifest = storage.send(HttpRequest.newBuilder(
                URI.create(media + outputs.get("dashManifestKey").asString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("<MPD").contains("cenc");

        // the upload story ends with the creator hearing of it: by email and in the inbox
        Mailbox.Mail ready = Mailbox.await(creatorEmail, "Kundu Drums is ready");
        assertThat(ready.text()).contains("Kundu Drums is transcoded and ready to publish.").contains(filmId);
        var inbox = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> studio.get("/api/notify/user/" + creator.userId(), creator),
                        r -> r.status() == 200 && r.json().get("totalItems").asLong() >= 1);
        assertThat(inbox.json().get("items")).anySatisfy(item -> {
            assertThat(item.get("type").asString()).isEqualTo("FILM_READY");
            assertThat(item.get("title").asString()).isEqualTo("Kundu Drums is ready");
        });
    }
}
