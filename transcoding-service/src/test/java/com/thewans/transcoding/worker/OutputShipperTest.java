package com.thewans.transcoding.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.thewans.common.storage.StoredObject;
import com.thewans.transcoding.TranscodingTestSupport;
import com.thewans.transcoding.packaging.HlsEncryption;

/** Which files go to storage while FFmpeg is still writing, and what a failed attempt takes back. */
class OutputShipperTest extends TranscodingTestSupport {

    /** The attempt's work folder as FFmpeg fills it: out/hls/{rendition}/, out/dash/. */
    Path out;
    Path hls;

    @BeforeEach
    void workFolder() throws Exception {
        out = Files.createDirectories(temp.resolve("out"));
        hls = Files.createDirectories(out.resolve("hls"));
    }

    @Test
    void onlyFinishedSegmentsGoWhileFfmpegRunsAndAFailedAttemptTakesItsUploadsBack() throws Exception {
        Path low = Files.createDirectories(hls.resolve("240p"));
        Path dash = Files.createDirectories(out.resolve("dash"));
        write(low.resolve("init.mp4"), "init");
        write(low.resolve("seg_00000.m4s"), "first 240p segment");
        write(low.resolve("seg_00001.m4s"), "second 240p segment, still being written");
        write(dash.resolve("init_0.mp4"), "dash init");
        write(dash.resolve("seg_0_00001.m4s"), "first dash segment of representation 0");
        write(dash.resolve("seg_0_00002.m4s.tmp"), "second, not yet renamed");
        write(dash.resolve("seg_1_00001.m4s"), "first dash segment of representation 1");
        write(dash.resolve("seg_1_00002.m4s"), "second dash segment of representation 1");
        String prefix = "films/" + UUID.randomUUID() + "/jobs/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/";
        byte[] key = new byte[16];
        OutputShipper shipper = new OutputShipper(storage, out, hls, prefix, key);

        shipper.shipFinishedSegments();
        shipper.awaitUploads();

        assertThat(keys(prefix)).as("a segment goes once a later one of its rendition exists")
                .containsExactly(prefix + "dash/seg_1_00001.m4s", prefix + "hls/240p/seg_00000.m4s");

        shipper.shipAllSegments(); // FFmpeg has exited
        assertThat(keys(prefix)).containsExactly(prefix + "dash/seg_0_00001.m4s", prefix + "dash/seg_1_00001.m4s",
                prefix + "dash/seg_1_00002.m4s", prefix + "hls/240p/seg_00000.m4s", prefix + "hls/240p/seg_00001.m4s");
        assertThat(shipper.ivsOf(low)).containsOnlyKeys("seg_00000.m4s", "seg_00001.m4s");

        // the first HLS segment went while a later one existed, encrypted under the IV recorded for it
        byte[] stored = media(prefix + "hls/240p/seg_00000.m4s");
        byte[] iv = shipper.ivsOf(low).get("seg_00000.m4s");
        assertThat(new String(stored)).doesNotContain("segment");
        assertThat(iv).isNotEqualTo(shipper.ivsOf(low).get("seg_00001.m4s"));
        assertThat(new String(HlsEncryption.decrypt(stored, key, iv))).isEqualTo("first 240p segment");
        assertThat(new String(media(prefix + "dash/seg_0_00001.m4s"))).as("DASH leaves FFmpeg encrypted already")
                .isEqualTo("first dash segment of representation 0");

        shipper.shipTheRest();
        assertThat(keys(prefix)).contains(prefix + "hls/240p/init.mp4", prefix + "dash/init_0.mp4",
                prefix + "dash/seg_0_00002.m4s.tmp").hasSize(8);
        assertThat(shipper.storedCount()).isEqualTo(8);

        shipper.close(false);

        assertThat(keys(prefix)).as("a failed or cancelled attempt leaves nothing behind").isEmpty();
    }

    @Test
    void whileRunningTheLastSegmentOfEachRenditionStaysBehind() throws Exception {
        Path low = Files.createDirectories(hls.resolve("240p"));
        Path audio = Files.createDirectories(hls.resolve("audio"));
        write(low.resolve("seg_00000.m4s"), "a");
        write(low.resolve("seg_00001.m4s"), "b");
        write(low.resolve("seg_00002.m4s"), "c");
        write(audio.resolve("seg_00000.m4s"), "only one so far");
        String prefix = "films/" + UUID.randomUUID() + "/jobs/" + UUID.randomUUID() + "/x/";
        OutputShipper shipper = new OutputShipper(storage, out, hls, prefix, new byte[16]);

        shipper.shipFinishedSegments();
        shipper.awaitUploads();
        shipper.close(true);

        assertThat(keys(prefix)).containsExactly(prefix + "hls/240p/seg_00000.m4s", prefix + "hls/240p/seg_00001.m4s");
    }

    @Test
    void filesThatFfmpegRenamesWhileTheShipperLooksAreSkippedNotFatal() throws Exception {
        Path dash = Files.createDirectories(out.resolve("dash"));
        for (int i = 0; i < 200; i++) {
            write(dash.resolve("seg_9_%05d.m4s.tmp".formatted(i)), "x");
        }
        OutputShipper shipper = new OutputShipper(storage, out, hls, "films/x/jobs/y/z/", new byte[16]);
        // like the DASH muxer: segments appear as .tmp files and are renamed once written, all the time
        AtomicBoolean stop = new AtomicBoolean();
        Thread muxer = new Thread(() -> {
            for (int n = 0; !stop.get(); n = (n + 1) % 200) {
                Path tmp = dash.resolve("seg_9_%05d.m4s.tmp".formatted(n));
                Path moved = dash.resolve("moved_%05d".formatted(n));
                try {
                    Files.move(tmp, moved);
                    Files.move(moved, tmp);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        muxer.start();
        try {
            for (int i = 0; i < 300; i++) {
                shipper.shipFinishedSegments(); // threw NoSuchFileException when a listed file had gone
            }
        } finally {
            stop.set(true);
            muxer.join();
            shipper.close(true);
        }
        assertThat(shipper.storedCount()).isZero();
    }

    private static void write(Path file, String content) throws Exception {
        Files.writeString(file, content);
    }

    private List<String> keys(String prefix) {
        return storage.list(storage.buckets().media(), prefix, 100).stream().map(StoredObject::key).toList();
    }
}
