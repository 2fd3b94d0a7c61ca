package com.thewans.transcoding.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.transcoding.TranscodeSettings;
import com.thewans.media.FfmpegBinaries;
import com.thewans.media.FfmpegFailed;
import com.thewans.media.FfmpegRun;
import com.thewans.media.MediaInfo;
import com.thewans.media.MediaProbe;
import com.thewans.media.NotAPlayableVideo;
import com.thewans.transcoding.job.JobOutputs;
import com.thewans.transcoding.job.JobStatus;
import com.thewans.transcoding.job.MasterKeys;
import com.thewans.transcoding.job.TranscodeJob;
import com.thewans.transcoding.keys.ContentKey;
import com.thewans.transcoding.keys.ContentKeys;
import com.thewans.transcoding.ladder.EncodePlan;
import com.thewans.transcoding.ladder.Ladder;
import com.thewans.transcoding.ladder.Rung;
import com.thewans.transcoding.packaging.DashProtection;
import com.thewans.transcoding.packaging.HlsEncryption;
import com.thewans.transcoding.packaging.HlsMaster;
import com.thewans.transcoding.packaging.SpriteSheet;
import com.thewans.transcoding.packaging.ThumbnailTrack;
import com.thewans.transcoding.web.WorkerMode;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a worker does with one job, from master to published outputs: download, probe, choose the
 * ladder, one FFmpeg process that encodes every rung once and writes HLS, DASH (CENC) and the
 * thumbnails, while the finished segments are encrypted (HLS) and uploaded as they appear; then the
 * playlists get their key tags and go last. The work folder is removed whatever happens, and a job
 * that fails takes its partly uploaded outputs with it.
 */
@Component
@WorkerMode
class TranscodePipeline {

    private static final Logger log = LoggerFactory.getLogger(TranscodePipeline.class);
    private static final Pattern STREAM_INF = Pattern.compile(
            "#EXT-X-STREAM-INF:.*?BANDWIDTH=(\\d+).*?RESOLUTION=(\\d+)x(\\d+).*?CODECS=\"([^\"]+)\"");

    /** What the pipeline reports while it runs; the worker's heartbeat writes it to the job row. */
    interface Progress {
        void at(JobStatus status, int percent);

        void running(FfmpegRun run);
    }

    private final FfmpegBinaries binaries;
    private final MediaProbe probe;
    private final ObjectStorage storage;
    private final ContentKeys keys;
    private final TranscodeSettings settings;
    private final JsonMapper json;

    TranscodePipeline(FfmpegBinaries binaries, MediaProbe probe, ObjectStorage storage, ContentKeys keys,
            TranscodeSettings settings, JsonMapper json) {
        this.binaries = binaries;
        this.probe = probe;
        this.storage = storage;
        this.keys = keys;
        this.settings = settings;
        this.json = json;
    }

    JobOutputs run(TranscodeJob job, UUID leaseToken, Progress progress, SourceRecorder recorder)
            throws NotAPlayableVideo, FfmpegFailed, IOException, InterruptedException {
        Path work = Files.createDirectories(settings.workDir()).resolve(job.id() + "-" + leaseToken);
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        try {
            progress.at(JobStatus.PROBING, 0);
            Path master = work.resolve("master");
            download(job, master);
            long t1 = System.nanoTime();
            MediaInfo info = probe.probe(master);
            recorder.record(json.writeValueAsString(info), info.durationSeconds());
            List<Rung> rungs = Ladder.choose(info, job.requestedRungs());
            EncodePlan plan = EncodePlan.of(info, rungs, settings.preset());
            progress.at(JobStatus.PROBING, 2);

            Path out = Files.createDirectories(work.resolve("out"));
            Path thumbs = Files.createDirectories(out.resolve("thumbnails"));
            Path hls = Files.createDirectories(out.resolve("hls"));
            Path dash = Files.createDirectories(out.resolve("dash"));
            ContentKey key = keys.forFilm(job.filmId());
            String prefix = MasterKeys.attemptOutputs(job.filmId(), job.id(), leaseToken);
            Path tiles = Files.createDirectories(work.resolve("tiles"));
            OutputShipper shipper = new OutputShipper(storage, out, hls, prefix, key.key());
            boolean shippedAll = false;
            try {
                FfmpegRun encode = new FfmpegRun(binaries);
                progress.running(encode);
                progress.at(JobStatus.TRANSCODING, 2);
                long t2 = System.nanoTime();
                AtomicInteger percent = new AtomicInteger(2);
                encode.run(plan.arguments(master, hls, dash, thumbs.resolve("poster.jpg"), tiles, key.keyHex(),
                        key.kidHex()), seconds -> {
                            // FFmpeg's last report can name an earlier time (the poster's); progress never goes back
                            progress.at(JobStatus.TRANSCODING, percent.accumulateAndGet(
                                    2 + (int) Math.min(86, 86 * seconds / info.durationSeconds()), Math::max));
                            shipDuringEncode(shipper);
                        });
                Files.deleteIfExists(master);
                long t3 = System.nanoTime();

                progress.at(JobStatus.PACKAGING, 88);
                shipper.shipAllSegments();
                String keyUri = settings.playbackKeyBaseUrl().replaceAll("/+$", "") + "/api/playback/key/"
                        + job.filmId();
                try (var variants = Files.list(hls)) {
                    for (Path variant : variants.filter(Files::isDirectory).toList()) {
                        HlsEncryption.declareKeys(variant.resolve("index.m3u8"), shipper.ivsOf(variant), keyUri);
                    }
                }
                HlsMaster.shareAudio(hls.resolve("master.m3u8"), EncodePlan.HLS_AUDIO);
                DashProtection.declare(dash.resolve("manifest.mpd"), key.keyId());
                try (var frames = Files.list(tiles)) {
                    SpriteSheet.compose(frames.sorted().toList(), plan.thumbnails(), thumbs.resolve("sprite.jpg"));
                }
                Files.writeString(thumbs.resolve("thumbnails.vtt"),
                        ThumbnailTrack.webVtt(plan.thumbnails(), info.durationSeconds(), "sprite.jpg"),
                        StandardCharsets.UTF_8);

                progress.at(JobStatus.UPLOADING, 95);
                long t4 = System.nanoTime();
                shipper.shipTheRest();
                shippedAll = true;
                long t5 = System.nanoTime();
                // where the time went, so a slow job (or the bench) shows which step to look at; most of the
                // upload happens during the encode, so "finish" is what follows FFmpeg's exit
                log.info("Job {}: {} s of {}x{} to {} rungs; download {} s, probe {} s, encode (uploading as it goes)"
                        + " {} s, last segments + playlists {} s, last upload {} s; {} files stored", job.id(),
                        secs(info.durationSeconds() * 1e9), info.width(), info.height(), rungs.size(), secs(t1 - t0),
                        secs(t2 - t1), secs(t3 - t2), secs(t4 - t3), secs(t5 - t4), shipper.storedCount());
            } finally {
                shipper.close(shippedAll);
            }
            return outputs(prefix, hls.resolve("master.m3u8"), rungs, info, key);
        } finally {
            deleteTree(work);
        }
    }

    @FunctionalInterface
    interface SourceRecorder {
        void record(String sourceInfoJson, double durationSeconds);
    }

    private void download(TranscodeJob job, Path target) throws IOException, NotAPlayableVideo {
        try (InputStream in = storage.open(job.sourceBucket(), job.sourceKey())
                .orElseThrow(() -> new NotAPlayableVideo("The master is no longer in storage"))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * What other attempts uploaded (a worker that died mid-job) is of no use once this one has
     * completed the job; called only then, so no attempt still holding the job loses its segments.
     */
    void removeOtherAttempts(TranscodeJob job, UUID leaseToken) {
        String ours = MasterKeys.attemptOutputs(job.filmId(), job.id(), leaseToken);
        String media = storage.buckets().media();
        try {
            for (var object : storage.list(media, MasterKeys.outputs(job.filmId(), job.id()), 10_000)) {
                if (!object.key().startsWith(ours)) {
                    storage.delete(media, object.key());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove earlier attempts' outputs of job {}: {}", job.id(), e.getMessage());
        }
    }

    private static void shipDuringEncode(OutputShipper shipper) {
        try {
            shipper.shipFinishedSegments();
        } catch (IOException e) {
            // the work folder could not be listed this tick; what is missed goes after the encode
            log.debug("Could not look for finished segments: {}", e.getMessage());
        }
    }

    private JobOutputs outputs(String prefix, Path masterPlaylist, List<Rung> rungs, MediaInfo info, ContentKey key)
            throws IOException {
        List<JobOutputs.Rendition> renditions = new ArrayList<>();
        String playlist = Files.readString(masterPlaylist, StandardCharsets.UTF_8);
        Matcher m = STREAM_INF.matcher(playlist);
        int i = 0;
        while (m.find() && i < rungs.size()) {
            String name = rungs.get(i).name();
            renditions.add(new JobOutputs.Rendition(name, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Long.parseLong(m.group(1)), m.group(4), prefix + "hls/" + name + "/index.m3u8"));
            i++;
        }
        return new JobOutputs(storage.buckets().media(), prefix + "hls/master.m3u8", prefix + "dash/manifest.mpd",
                prefix + "thumbnails/poster.jpg", prefix + "thumbnails/sprite.jpg",
                prefix + "thumbnails/thumbnails.vtt", JobOutputs.Encryption.of(key.keyId()), renditions,
                info.durationSeconds(), null);
    }

    private static String secs(double nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e9);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the work folder {}: {}", dir, e.getMessage());
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        } else if (name.endsWith(".m4s")) {
            return "video/iso.segment";
        } else if (name.endsWith(".mp4")) {
            return "video/mp4";
        } else if (name.endsWith(".mpd")) {
            return "application/dash+xml";
        } else if (name.endsWith(".jpg")) {
            return "image/jpeg";
        } else if (name.endsWith(".vtt")) {
            return "text/vtt";
        }
        return "application/octet-stream";
    }
}
