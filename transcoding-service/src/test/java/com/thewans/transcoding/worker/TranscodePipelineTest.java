package com.thewans.transcoding.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.testkit.TestHttp;
import com.thewans.transcoding.TranscodeSettings;
import com.thewans.transcoding.TranscodingTestSupport;
import com.thewans.transcoding.job.TranscodeEvents;
import com.thewans.transcoding.packaging.HlsEncryption;

import tools.jackson.databind.JsonNode;

/** Masters in, encrypted adaptive HLS/DASH out, end to end through the running worker. */
class TranscodePipelineTest extends TranscodingTestSupport {

    private static final Pattern KEY_LINE = Pattern.compile("#EXT-X-KEY:METHOD=AES-128,URI=\"([^\"]+)\",IV=0x([0-9a-f]{32})");

    @Autowired
    TranscodeSettings settings;

    @Test
    void aMasterUploadedThroughPresignedPartsBecomesEncryptedHlsAndDashWithEveryRungUpToItsHeight() throws Exception {
        UUID creator = UUID.randomUUID();
        String token = creatorToken(creator);
        UUID filmId = catalog.film(creator);
        Path master = master(640, 360, 6);

        TestHttp.Response initiated = post("/api/transcode/uploads", json(Map.of("filmId", filmId, "fileName",
                "feature master.mp4", "contentType", "video/mp4", "sizeBytes", Files.size(master))), token);
        assertThat(initiated.status()).as(initiated.body()).isEqualTo(201);
        JsonNode part = initiated.json().get("parts").get(0);
        assertThat(initiated.json().get("partCount").asInt()).isEqualTo(1);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(part.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofFile(master));
        part.get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
        HttpResponse<String> stored = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        String etag = stored.headers().firstValue("ETag").orElseThrow();

        TestHttp.Response completed = post("/api/transcode/uploads/" + initiated.json().get("uploadId").asString()
                + "/complete", json(Map.of("parts", List.of(Map.of("partNumber", 1, "etag", etag)))), token);
        assertThat(completed.status()).as(completed.body()).isEqualTo(202);
        UUID jobId = UUID.fromString(completed.json().get("id").asString());
        assertThat(catalog.lastAuthorizationFor(filmId)).as("catalog is asked with the caller's token")
                .isEqualTo("Bearer " + token);

        JsonNode job = awaitStatus(jobId, token, "COMPLETED", Duration.ofSeconds(120));

        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(job.get("attempts").asInt()).isEqualTo(1);
        assertThat(job.get("source").get("height").asInt()).isEqualTo(360);
        JsonNode outputs = job.get("outputs");
        assertThat(outputs.get("renditions").findValuesAsString("name")).containsExactly("240p", "360p");
        JsonNode event = outboxEvents(TranscodeEvents.COMPLETED, "jobId", jobId).get(0);
        assertThat(event.propertyNames()).as("exactly the fields docs/events.md lists")
                .containsExactlyInAnyOrder("jobId", "filmId", "creatorId", "bucket", "hlsMasterKey", "dashManifestKey",
                        "posterKey", "spriteKey", "thumbnailsVttKey", "encryption", "renditions", "durationSeconds");
        assertThat(event.get("creatorId").asString()).isEqualTo(creator.toString());
        assertThat(event.get("hlsMasterKey").asString()).isEqualTo(outputs.get("hlsMasterKey").asString());
        assertThat(event.get("encryption").propertyNames()).containsExactlyInAnyOrder("hls", "dash", "keyId");
        assertThat(event.get("encryption").get("keyId").asString()).isEqualTo(contentKey(filmId).get("keyId").asString());
        assertThat(event.get("renditions").get(0).propertyNames()).containsExactlyInAnyOrder("name", "width",
                "height", "bandwidth", "codecs", "playlistKey");
        byte[] key = HexFormat.of().parseHex(contentKey(filmId).get("keyHex").asString());

        String masterPlaylist = new String(media(outputs.get("hlsMasterKey").asString()));
        assertThat(masterPlaylist).contains("RESOLUTION=426x240", "RESOLUTION=640x360", "240p/index.m3u8",
                "360p/index.m3u8");
        assertThat(Pattern.compile("BANDWIDTH=\\d+.*CODECS=\"avc1\\.[0-9a-f]+,mp4a\\.40\\.2\"").matcher(masterPlaylist)
                .results().count()).isEqualTo(2);
        assertThat(masterPlaylist).as("one audio rendition, shared by every variant and no variant of its own")
                .contains("#EXT-X-MEDIA:TYPE=AUDIO", "URI=\"audio/index.m3u8\"").doesNotContain("\naudio/index.m3u8");
        assertThat(masterPlaylist.split("#EXT-X-STREAM-INF", -1)).hasSize(3);

        String prefix = outputs.get("hlsMasterKey").asString().replace("master.m3u8", "");
        List<Double> starts240 = checkVariant(prefix + "240p/", key, filmId, 426, 240);
        List<Double> starts360 = checkVariant(prefix + "360p/", key, filmId, 640, 360);
        assertThat(starts240).as("segments of every rung start at the same instants").hasSize(2)
                .isEqualTo(starts360);
        Path audio = temp.resolve("audio.mp4");
        Files.write(audio, decryptRendition(prefix + "audio/", key, filmId, segment -> { }));
        assertThat(ffprobe(List.of("-show_entries", "stream=codec_type,codec_name", "-of", "csv=p=0",
                audio.toString())).trim()).isEqualTo("aac,audio");
        runFfmpeg(List.of("-i", audio.toString(), "-f", "null", "-"));

        String mpd = new String(media(outputs.get("dashManifestKey").asString()));
        assertThat(mpd).contains("height=\"240\"", "height=\"360\"", "urn:mpeg:dash:mp4protection:2011",
                "cenc:default_KID=\"" + contentKey(filmId).get("keyId").asString() + "\"",
                "e2719d58-a985-b3c9-781a-b030af78d30e");
        String dashPrefix = outputs.get("dashManifestKey").asString().replace("manifest.mpd", "");
        Path dashVideo = temp.resolve("dash-360.mp4");
        Files.write(dashVideo, concat(media(dashPrefix + "init_1.mp4"), media(dashPrefix + "seg_1_00001.m4s")));
        runFfmpeg(List.of("-decryption_key", HexFormat.of().formatHex(key), "-i", dashVideo.toString(), "-f", "null",
                "-"));

        byte[] poster = media(outputs.get("posterKey").asString());
        assertThat(poster).startsWith((byte) 0xFF, (byte) 0xD8);
        Path sprite = temp.resolve("sprite.jpg");
        Files.write(sprite, media(outputs.get("spriteKey").asString()));
        assertThat(ffprobe(List.of("-show_entries", "stream=width,height", "-of", "csv=p=0", sprite.toString())).trim())
                .isEqualTo("960,90");
        String vtt = new String(media(outputs.get("thumbnailsVttKey").asString()));
        assertThat(vtt).startsWith("WEBVTT").contains("00:00:00.000 --> 00:00:01.000\nsprite.jpg#xywh=0,0,160,90")
                .contains("sprite.jpg#xywh=800,0,160,90");

        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isEqualTo(1);
        assertThat(workFoldersOf(jobId)).as("temporary files are removed").isEmpty();
    }

    @Test
    void a1080pMasterGetsFiveRungsWithAlignedSegments() throws Exception {
        UUID creator = UUID.randomUUID();
        String token = creatorToken(creator);
        UUID filmId = catalog.film(creator);
        String key = storeMaster(filmId, master(1920, 1080, 3));

        TestHttp.Response started = start(token, filmId, key, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        UUID jobId = UUID.fromString(started.json().get("id").asString());
        JsonNode job = awaitStatus(jobId, token, "COMPLETED", Duration.ofSeconds(180));

        JsonNode renditions = job.get("outputs").get("renditions");
        assertThat(renditions.findValuesAsString("name")).containsExactly("240p", "360p", "480p", "720p", "1080p");
        List<String> sizes = new ArrayList<>();
        renditions.forEach(r -> sizes.add(r.get("width").asInt() + "x" + r.get("height").asInt()));
        assertThat(sizes).containsExactly("426x240", "640x360", "854x480", "1280x720", "1920x1080");
        byte[] contentKey = HexFormat.of().parseHex(contentKey(filmId).get("keyHex").asString());
        String prefix = job.get("outputs").get("hlsMasterKey").asString().replace("master.m3u8", "");
        List<Double> low = checkVariant(prefix + "240p/", contentKey, filmId, 426, 240);
        List<Double> high = checkVariant(prefix + "1080p/", contentKey, filmId, 1920, 1080);
        assertThat(low).isEqualTo(high);
    }

    /** Checks one encrypted variant and answers the start time of each of its segments. */
    private List<Double> checkVariant(String prefix, byte[] key, UUID filmId, int width, int height) throws Exception {
        List<Double> starts = new ArrayList<>();
        Path all = temp.resolve("variant-" + UUID.randomUUID() + ".mp4");
        Files.write(all, decryptRendition(prefix, key, filmId, segment -> starts.add(Double.parseDouble(ffprobe(
                List.of("-select_streams", "v:0", "-show_entries", "packet=pts_time", "-read_intervals", "%+#1",
                        "-of", "csv=p=0", segment.toString())).trim().lines().findFirst().orElseThrow()))));
        assertThat(starts).isNotEmpty();
        assertThat(ffprobe(List.of("-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0",
                all.toString())).trim()).isEqualTo(width + "," + height);
        // the decrypted rendition decodes from start to end
        runFfmpeg(List.of("-i", all.toString(), "-f", "null", "-"));
        return starts;
    }

    interface SegmentCheck {
        void check(Path initAndSegment) throws Exception;
    }

    /**
     * What a player does with one rendition's playlist: every segment stored encrypted, under the key
     * URI of playback-service, decrypting with the film's key to fMP4; answers init + all segments.
     */
    private byte[] decryptRendition(String prefix, byte[] key, UUID filmId, SegmentCheck eachSegment)
            throws Exception {
        String playlist = new String(media(prefix + "index.m3u8"));
        Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"").matcher(playlist);
        assertThat(map.find()).isTrue();
        byte[] init = media(prefix + map.group(1));
        List<String> lines = playlist.lines().toList();
        byte[] all = init;
        for (int i = 0; i < lines.size(); i++) {
            Matcher keyLine = KEY_LINE.matcher(lines.get(i));
            if (!keyLine.matches()) {
                continue;
            }
            assertThat(keyLine.group(1)).isEqualTo("https://gateway.test/api/playback/key/" + filmId);
            String segmentName = lines.get(i + 2);
            byte[] encrypted = media(prefix + segmentName);
            assertThat(new String(encrypted, 4, 4)).as("segments are stored encrypted").isNotIn("styp", "moof");
            byte[] clear = HlsEncryption.decrypt(encrypted, key, HexFormat.of().parseHex(keyLine.group(2)));
            assertThat(new String(clear, 4, 4)).isIn("styp", "moof");
            Path one = temp.resolve("segment-" + UUID.randomUUID() + ".mp4");
            Files.write(one, concat(init, clear));
            eachSegment.check(one);
            all = concat(all, clear);
        }
        assertThat(all.length).as("the playlist lists segments").isGreaterThan(init.length);
        return all;
    }

    private JsonNode contentKey(UUID filmId) {
        TestHttp.Response response = get("/api/transcode/internal/keys/" + filmId, serviceToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<Path> workFoldersOf(UUID jobId) throws Exception {
        if (!Files.isDirectory(settings.workDir())) {
            return List.of();
        }
        try (var list = Files.list(settings.workDir())) {
            return list.filter(p -> p.getFileName().toString().startsWith(jobId.toString())).toList();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
