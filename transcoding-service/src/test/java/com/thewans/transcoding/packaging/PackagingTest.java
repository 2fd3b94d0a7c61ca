package com.thewans.transcoding.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.thewans.media.MediaInfo;
import com.thewans.transcoding.ladder.EncodePlan;
import com.thewans.transcoding.ladder.Rung;

class PackagingTest {

    @TempDir
    Path dir;

    @Test
    void eachSegmentIsEncryptedUnderItsOwnIvNamedBeforeIt() throws Exception {
        byte[] key = new byte[16];
        byte[] firstIv = HlsEncryption.newIv();
        byte[] first = HlsEncryption.encrypt("first segment bytes".getBytes(), key, firstIv);
        Path playlist = dir.resolve("index.m3u8");
        Files.writeString(playlist, """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-MAP:URI="init_0.mp4"
                #EXTINF:4.000000,
                seg_00000.m4s
                #EXTINF:2.000000,
                seg_00001.m4s
                #EXT-X-ENDLIST
                """);

        int segments = HlsEncryption.declareKeys(playlist, java.util.Map.of("seg_00000.m4s", firstIv,
                "seg_00001.m4s", HlsEncryption.newIv()), "https://gw/api/playback/key/f");

        var lines = Files.readAllLines(playlist);
        assertThat(segments).isEqualTo(2);
        assertThat(lines.indexOf("#EXT-X-MAP:URI=\"init_0.mp4\"")).as("the init section stays before any key")
                .isLessThan(lines.stream().filter(l -> l.startsWith("#EXT-X-KEY")).map(lines::indexOf).findFirst()
                        .orElseThrow());
        var keyLines = lines.stream().filter(l -> l.startsWith("#EXT-X-KEY:METHOD=AES-128,URI=\"https://gw/api/playback/key/f\",IV=0x")).toList();
        assertThat(keyLines).hasSize(2).doesNotHaveDuplicates();
        byte[] iv = java.util.HexFormat.of().parseHex(keyLines.get(0).substring(keyLines.get(0).indexOf("0x") + 2));
        assertThat(iv).isEqualTo(firstIv);
        assertThat(new String(HlsEncryption.decrypt(first, key, iv))).isEqualTo("first segment bytes");
        assertThat(first).as("the same bytes under another IV look different").isNotEqualTo(
                HlsEncryption.encrypt("first segment bytes".getBytes(), key, HlsEncryption.newIv()));
        assertThatThrownBy(() -> HlsEncryption.declareKeys(playlist, java.util.Map.of(), "https://gw/k"))
                .as("a playlist never names a segment that was stored in the clear")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSharedAudioRenditionIsNoVariantOfItsOwnAndCountsInEveryVariantsBandwidth() throws Exception {
        Path master = dir.resolve("master.m3u8");
        // as FFmpeg 8 writes it for var_stream_map "a:0,agroup:audio,name:audio v:0,agroup:audio,name:360p ..."
        Files.writeString(master, """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="audio_0",DEFAULT=YES,CHANNELS="2",URI="audio/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=121073,AVERAGE-BANDWIDTH=101946,CODECS="mp4a.40.2",AUDIO="group_audio"
                audio/index.m3u8

                #EXT-X-STREAM-INF:BANDWIDTH=815524,AVERAGE-BANDWIDTH=788214,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="group_audio"
                360p/index.m3u8

                #EXT-X-STREAM-INF:BANDWIDTH=2536278,AVERAGE-BANDWIDTH=2500039,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_audio"
                720p/index.m3u8
                """);

        HlsMaster.shareAudio(master, "audio");

        String fixed = Files.readString(master);
        assertThat(fixed).contains("URI=\"audio/index.m3u8\"").doesNotContain("\naudio/index.m3u8")
                .contains("#EXT-X-STREAM-INF:BANDWIDTH=936597,AVERAGE-BANDWIDTH=890160,RESOLUTION=640x360,")
                .contains("#EXT-X-STREAM-INF:BANDWIDTH=2657351,AVERAGE-BANDWIDTH=2601985,RESOLUTION=1280x720,");
        assertThat(fixed.split("#EXT-X-STREAM-INF", -1)).hasSize(3);
    }

    @Test
    void theDashManifestDeclaresCencAndClearKeyOnEveryAdaptationSet() throws Exception {
        Path mpd = dir.resolve("manifest.mpd");
        Files.writeString(mpd, "<?xml version=\"1.0\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\">"
                + "<Period><AdaptationSet id=\"0\" contentType=\"video\"></AdaptationSet>"
                + "<AdaptationSet id=\"1\" contentType=\"audio\"></AdaptationSet></Period></MPD>");
        UUID kid = UUID.randomUUID();

        DashProtection.declare(mpd, kid);

        String patched = Files.readString(mpd);
        assertThat(patched).contains("xmlns:cenc=\"urn:mpeg:cenc:2013\"");
        assertThat(patched.split("cenc:default_KID=\"" + kid + "\"", -1)).hasSize(3);
        assertThat(patched.split("value=\"ClearKey1.0\"", -1)).hasSize(3);
    }

    @Test
    void theThumbnailTrackPointsEachCueAtItsTile() {
        EncodePlan plan = EncodePlan.of(new MediaInfo(125, 1920, 1080, 25, "h264", null, "mp4"),
                java.util.List.of(Rung.STANDARD.get(0)), "veryfast");

        String vtt = ThumbnailTrack.webVtt(plan.thumbnails(), 125, "sprite.jpg");

        assertThat(plan.thumbnails().intervalSeconds()).isEqualTo(2);
        assertThat(vtt).startsWith("WEBVTT\n")
                .contains("00:00:00.000 --> 00:00:02.000\nsprite.jpg#xywh=0,0,160,90")
                .contains("00:00:20.000 --> 00:00:22.000\nsprite.jpg#xywh=0,90,160,90")
                .contains("00:02:04.000 --> 00:02:05.000\nsprite.jpg#xywh=320,540,160,90");
    }
}
