package com.thewans.transcoding.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.transcoding.packaging.HlsEncryption;

/**
 * Sends a job's outputs to the media bucket while FFmpeg is still encoding, so the upload overlaps
 * the encode instead of following it. FFmpeg writes each rendition's segments in order and closes
 * one before it opens the next, so a segment is finished once a later one of the same rendition
 * exists; when FFmpeg has exited, all are. HLS segments are encrypted with AES-128 on their way out
 * (the clear copy stays in the work folder); DASH segments leave FFmpeg already CENC-encrypted.
 * Playlists, manifests, init segments and thumbnails go last, once they are final.
 */
final class OutputShipper {

    private static final Logger log = LoggerFactory.getLogger(OutputShipper.class);
    /** seg_00001.m4s (HLS, one folder per rendition) and seg_3_00001.m4s (DASH, all in one folder). */
    private static final Pattern SEGMENT = Pattern.compile("seg_(?:(\\d+)_)?(\\d+)\\.m4s");
    private static final int UPLOAD_THREADS = 4;

    private final ObjectStorage storage;
    private final Path root;
    private final Path hls;
    private final String prefix;
    private final byte[] hlsKey;
    /** While FFmpeg runs, one upload at a time: the encode has the CPU, the segments have time. */
    private final ExecutorService trickle = Executors.newSingleThreadExecutor(OutputShipper::uploadThread);
    /** Once FFmpeg has exited, what is left goes in parallel. */
    private final ExecutorService burst = Executors.newFixedThreadPool(UPLOAD_THREADS, OutputShipper::uploadThread);
    private final Set<Path> shipped = ConcurrentHashMap.newKeySet();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final List<Future<?>> pending = new ArrayList<>();
    /** The IV each HLS segment was encrypted under, by variant folder and segment name. */
    private final Map<Path, Map<String, byte[]>> ivs = new ConcurrentHashMap<>();

    OutputShipper(ObjectStorage storage, Path root, Path hls, String prefix, byte[] hlsKey) {
        this.storage = storage;
        this.root = root;
        this.hls = hls;
        this.prefix = prefix;
        this.hlsKey = hlsKey.clone();
    }

    /** Queues every segment that is finished and not yet sent; cheap enough for each progress tick. */
    synchronized void shipFinishedSegments() throws IOException {
        for (List<Path> rendition : segmentsByRendition()) {
            for (Path segment : rendition.subList(0, rendition.size() - 1)) {
                ship(segment, trickle);
            }
        }
    }

    /** FFmpeg has exited: every segment is final. Queues the rest and waits until all segments are stored. */
    synchronized void shipAllSegments() throws IOException, InterruptedException {
        for (List<Path> rendition : segmentsByRendition()) {
            rendition.forEach(segment -> ship(segment, burst));
        }
        awaitUploads();
    }

    /** The IVs of one HLS variant's segments, by the name its playlist gives them. */
    Map<String, byte[]> ivsOf(Path variantFolder) {
        return ivs.getOrDefault(variantFolder, Map.of());
    }

    /** Sends everything not sent yet (playlists, manifests, init segments, thumbnails) and waits. */
    synchronized void shipTheRest() throws IOException, InterruptedException {
        try (var walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> ship(file, burst));
        }
        awaitUploads();
    }

    /** A segment file, its rendition (folder, and DASH representation) and number, read from its name once. */
    private record Segment(Path file, String rendition, long number) {

        static Segment of(Path file) {
            Matcher m = SEGMENT.matcher(file.getFileName().toString());
            if (!m.matches()) {
                return null;
            }
            return new Segment(file, file.getParent() + "#" + (m.group(1) == null ? "" : m.group(1)),
                    Long.parseLong(m.group(2)));
        }
    }

    private List<List<Path>> segmentsByRendition() throws IOException {
        List<Segment> found = new ArrayList<>();
        // FFmpeg renames and removes files while we look (DASH's seg_*.m4s.tmp); Files.walk would fail on
        // a name it listed but could no longer stat, so a vanished file is simply skipped
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Segment segment = Segment.of(file);
                if (segment != null) {
                    found.add(segment);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Map<String, List<Segment>> byRendition = found.stream().collect(Collectors.groupingBy(Segment::rendition));
        List<List<Path>> renditions = new ArrayList<>();
        for (List<Segment> segments : byRendition.values()) {
            renditions.add(segments.stream().sorted(Comparator.comparingLong(Segment::number)).map(Segment::file)
                    .toList());
        }
        return renditions;
    }

    private static Thread uploadThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "output-upload");
        thread.setDaemon(true);
        return thread;
    }

    private void ship(Path file, ExecutorService uploads) {
        if (!shipped.add(file)) {
            return;
        }
        String key = prefix + root.relativize(file).toString().replace('\\', '/');
        boolean hlsSegment = file.startsWith(hls) && Segment.of(file) != null;
        pending.add(uploads.submit(() -> {
            // noted before the request: a failed attempt removes whatever may have reached the bucket
            stored.add(key);
            String type = TranscodePipeline.contentType(file);
            if (hlsSegment) {
                byte[] iv = HlsEncryption.newIv();
                byte[] encrypted = HlsEncryption.encrypt(Files.readAllBytes(file), hlsKey, iv);
                storage.put(storage.buckets().media(), key, encrypted, type);
                ivs.computeIfAbsent(file.getParent(), folder -> new ConcurrentHashMap<>())
                        .put(file.getFileName().toString(), iv);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    storage.put(storage.buckets().media(), key, in, Files.size(file), type);
                }
            }
            return null;
        }));
    }

    /** Waits for every upload queued so far; the first that failed is thrown. */
    synchronized void awaitUploads() throws IOException, InterruptedException {
        for (Future<?> upload : pending) {
            try {
                upload.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(cause);
            }
        }
        pending.clear();
    }

    /** How many files were sent to the bucket so far. */
    int storedCount() {
        return stored.size();
    }

    /**
     * Stops sending. Unless the job succeeded, what was already stored is removed again, so a failed
     * or cancelled job leaves no half set of segments behind (a retry writes under the same keys).
     */
    synchronized void close(boolean succeeded) throws InterruptedException {
        // uploads not started are dropped; one in flight is let finish (not interrupted), so nothing lands
        // in the bucket after the clean-up below
        pending.forEach(upload -> upload.cancel(false));
        trickle.shutdown();
        burst.shutdown();
        trickle.awaitTermination(30, TimeUnit.SECONDS);
        burst.awaitTermination(30, TimeUnit.SECONDS);
        if (succeeded) {
            return;
        }
        for (String key : stored) {
            try {
                storage.delete(storage.buckets().media(), key);
            } catch (RuntimeException e) {
                log.warn("Could not remove {} of a failed job: {}", key, e.getMessage());
            }
        }
    }
}
