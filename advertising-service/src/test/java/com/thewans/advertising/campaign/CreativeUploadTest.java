package com.thewans.advertising.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.thewans.advertising.AdsTestSupport;
import com.thewans.media.FfmpegBinaries;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/** Creatives through the real path: presigned PUT to the S3 store, then ffprobe on confirm. */
class CreativeUploadTest extends AdsTestSupport {

    private static final Map<String, byte[]> VIDEOS = new ConcurrentHashMap<>();

    @Test
    void anUploadedH264Mp4OfFifteenSecondsBecomesReadyWithWhatFfprobeFound() throws Exception {
        UUID campaign = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());
        JsonNode creative = upload(campaign, "video/mp4", video("ok", 8, "320x240", "libx264", "mp4"));

        TestHttp.Response confirmed = post("/api/ads/campaigns/" + campaign + "/creatives/"
                + creative.get("id").asString() + "/confirm", "", admin);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("READY");
        assertThat(confirmed.json().get("durationMs").asInt()).isBetween(7900, 8100);
        assertThat(confirmed.json().get("width").asInt()).isEqualTo(320);
        assertThat(confirmed.json().get("videoCodec").asString()).isEqualTo("h264");
        assertThat(confirmed.json().get("universalAdId").get("idRegistry").asString()).isEqualTo("thewans.com");
        assertThat(confirmed.json().get("universalAdId").get("value").asString()).startsWith("WANS-");
    }

    @Test
    void aVideoLongerThanSixtySecondsIsRefused() throws Exception {
        UUID campaign = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());
        JsonNode creative = upload(campaign, "video/mp4", video("long", 65, "320x240", "libx264", "mp4"));

        TestHttp.Response refused = post("/api/ads/campaigns/" + campaign + "/creatives/"
                + creative.get("id").asString() + "/confirm", "", admin);

        assertProblem(refused, 422, "creative-duration-out-of-range");
        assertThat(get("/api/ads/campaigns/" + campaign, admin).json().get("creatives").get(0).get("status")
                .asString()).isEqualTo("REJECTED");
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedWhateverItsDeclaredType() throws Exception {
        UUID campaign = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());
        JsonNode creative = upload(campaign, "video/mp4", "this is a press release, not a video".getBytes());

        assertProblem(post("/api/ads/campaigns/" + campaign + "/creatives/" + creative.get("id").asString()
                + "/confirm", "", admin), 422, "creative-not-video");
    }

    @Test
    void anImageTypeIsRefusedBeforeAnyUpload() {
        UUID campaign = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());

        assertProblem(post("/api/ads/campaigns/" + campaign + "/creatives", """
                {"title":"Banner","clickThroughUrl":"https://brand.example","contentType":"image/png"}""", admin),
                422, "creative-not-video");
        assertThat(jdbc.queryForObject("select count(*) from ad_creatives", Long.class)).isZero();
    }

    @Test
    void confirmingBeforeTheUploadSaysSo() {
        UUID campaign = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());
        JsonNode started = post("/api/ads/campaigns/" + campaign + "/creatives", """
                {"title":"Spot","clickThroughUrl":"https://brand.example","contentType":"video/mp4"}""", admin).json();

        assertProblem(post("/api/ads/campaigns/" + campaign + "/creatives/" + started.get("creative").get("id")
                .asString() + "/confirm", "", admin), 409, "creative-not-uploaded");
    }

    private JsonNode upload(UUID campaign, String contentType, byte[] bytes) throws Exception {
        TestHttp.Response started = post("/api/ads/campaigns/" + campaign + "/creatives", """
                {"title":"Spot","clickThroughUrl":"https://brand.example/pg","contentType":"%s","skipOffsetSeconds":5}"""
                .formatted(contentType), admin);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode upload = started.json().get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.get("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asString());
            }
        });
        HttpResponse<String> stored = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return started.json().get("creative");
    }

    /** A test-pattern video made with the platform's FFmpeg (media-tools), once per shape. */
    static byte[] video(String name, int seconds, String size, String codec, String format) throws Exception {
        byte[] cached = VIDEOS.get(name);
        if (cached != null) {
            return cached;
        }
        FfmpegBinaries ffmpeg = FfmpegBinaries.locate(null, null, Path.of("target/ffmpeg"), false);
        Path out = Files.createTempFile("creative-", "." + format);
        Process p = ffmpeg.command(ffmpeg.ffmpeg(), List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc=size=" + size + ":rate=15", "-t", Integer.toString(seconds), "-c:v", codec,
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", format, out.toString()), false)
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + log);
        }
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        VIDEOS.put(name, bytes);
        return bytes;
    }
}
