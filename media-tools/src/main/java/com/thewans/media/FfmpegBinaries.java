package com.thewans.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ffmpeg and ffprobe are. {@code FFMPEG_PATH}/{@code FFPROBE_PATH} win; otherwise the GPL
 * build inside the {@code org.bytedeco:ffmpeg} jar is extracted once into a cache folder (with the
 * shared libraries it links against, found through LD_LIBRARY_PATH, and stubs for the device
 * libraries it links but the platform never uses, see {@link DeviceLibraryStubs}), so no machine needs
 * FFmpeg or any audio or X11 library installed by hand.
 */
public final class FfmpegBinaries {

    private static final Logger log = LoggerFactory.getLogger(FfmpegBinaries.class);
    private static final Pattern MISSING_LIBRARY = Pattern.compile("error while loading shared libraries: ([^:\\s]+)");
    static final String PLATFORM = "linux-x86_64-gpl";
    static final String RESOURCE_DIR = "org/bytedeco/ffmpeg/" + PLATFORM + "/";
    static final String BUILD = "8.1.2-1.5.14";
    // a folder extracted before the device stubs existed is named BUILD alone and must not be reused
    static final String CACHE_FOLDER = BUILD + "-device-stubs";
    private static final List<String> FILES = List.of("ffmpeg", "ffprobe", "libavcodec.so.62", "libavdevice.so.62",
            "libavfilter.so.11", "libavformat.so.62", "libavutil.so.60", "libswresample.so.6", "libswscale.so.9",
            "libdrm.so.2", "libva.so.2", "libva-drm.so.2");

    private final Path ffmpeg;
    private final Path ffprobe;
    private final Path libraryDir;
    private final boolean nice;

    private FfmpegBinaries(Path ffmpeg, Path ffprobe, Path libraryDir, boolean nice) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.libraryDir = libraryDir;
        this.nice = nice;
    }

    /** Resolves the binaries; {@code cacheDir} is where the bundled build is extracted. */
    public static FfmpegBinaries locate(String ffmpegPath, String ffprobePath, Path cacheDir, boolean useNice) {
        boolean nice = useNice
                && (Files.isExecutable(Path.of("/usr/bin/nice")) || Files.isExecutable(Path.of("/bin/nice")));
        if (ffmpegPath != null && !ffmpegPath.isBlank()) {
            Path probe = ffprobePath != null && !ffprobePath.isBlank() ? Path.of(ffprobePath)
                    : Path.of(ffmpegPath).resolveSibling("ffprobe");
            FfmpegBinaries binaries = new FfmpegBinaries(Path.of(ffmpegPath), probe, null, nice);
            binaries.check();
            return binaries;
        }
        Path dir = extract(cacheDir.resolve(CACHE_FOLDER));
        FfmpegBinaries binaries = new FfmpegBinaries(dir.resolve("ffmpeg"), dir.resolve("ffprobe"), dir, nice);
        binaries.check();
        return binaries;
    }

    public Path ffmpeg() {
        return ffmpeg;
    }

    public Path ffprobe() {
        return ffprobe;
    }

    /** A process builder for ffmpeg or ffprobe, at low priority when asked, with the bundled libraries found. */
    public ProcessBuilder command(Path executable, List<String> arguments, boolean lowPriority) {
        List<String> command = new ArrayList<>();
        if (lowPriority && nice) {
            // transcoding must never starve the API and the services beside it
            command.addAll(List.of("nice", "-n", "10"));
        }
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (libraryDir != null) {
            Map<String, String> env = builder.environment();
            String existing = env.get("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", libraryDir + (existing == null || existing.isBlank() ? "" : ":" + existing));
        }
        return builder;
    }

    private void check() {
        for (Path exe : List.of(ffmpeg, ffprobe)) {
            try {
                Process process = command(exe, List.of("-hide_banner", "-version"), false)
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException(exe + " does not run: " + firstLine(output) + hint(output));
                }
            } catch (IOException e) {
                throw new IllegalStateException(exe + " cannot be started; set FFMPEG_PATH/FFPROBE_PATH", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        log.info("FFmpeg at {} (ffprobe {}){}", ffmpeg, ffprobe, nice ? ", run under nice" : "");
    }

    static String hint(String output) {
        Matcher missing = MISSING_LIBRARY.matcher(output);
        if (missing.find()) {
            return " (this machine lacks the system library " + missing.group(1)
                    + "; install it, or set FFMPEG_PATH and FFPROBE_PATH to another FFmpeg build)";
        }
        return " (set FFMPEG_PATH and FFPROBE_PATH to a working FFmpeg build)";
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    /**
     * Extracts into a fresh folder, writes the device library stubs there, and renames it into place, so
     * workers starting together never see half a copy.
     */
    private static Path extract(Path target) {
        if (Files.isExecutable(target.resolve("ffmpeg")) && Files.isExecutable(target.resolve("ffprobe"))) {
            return target;
        }
        ClassLoader loader = FfmpegBinaries.class.getClassLoader();
        if (loader.getResource(RESOURCE_DIR + "ffmpeg") == null) {
            throw new IllegalStateException("No bundled FFmpeg for this platform (needs " + PLATFORM
                    + "); set FFMPEG_PATH and FFPROBE_PATH");
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "extract-");
            List<String> extracted = new ArrayList<>();
            for (String file : FILES) {
                try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + file)) {
                    if (in == null) {
                        continue;
                    }
                    Path out = staging.resolve(file);
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    out.toFile().setExecutable(true, true);
                    extracted.add(file);
                }
            }
            List<StubLibrary> stubs = DeviceLibraryStubs.write(staging, extracted);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                log.info("Extracted FFmpeg {} to {}, with stubs for {}", BUILD, target,
                        stubs.stream().map(StubLibrary::soname).toList());
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                    | java.nio.file.DirectoryNotEmptyException e) {
                // another process won the race; its copy is complete
                deleteTree(staging);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the bundled FFmpeg to " + target, e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }
}
