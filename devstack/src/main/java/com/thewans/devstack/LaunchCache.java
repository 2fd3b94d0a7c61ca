package com.thewans.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the eleven JVMs start in about half the CPU time: each Spring Boot jar is extracted once
 * (a plain class path loads faster than nested jars) and run with a class data sharing archive that
 * the JVM writes the first time the process exits and maps on every later start. On two cores,
 * start-up is CPU-bound, so this is most of what can be won without touching the services.
 *
 * <p>The cache lives under {@code <baseDir>/cache/<module>} and is rebuilt when the jar or the JDK
 * changes. Running from the extracted copy also means a rebuild never swaps a jar under a running JVM.
 */
public final class LaunchCache {

    /**
     * How to launch one jar: JVM flags to add and the jar to run. {@code writesArchiveOnExit}: this
     * run has no archive yet and dumps one when it exits, which takes a few CPU seconds.
     */
    public record Launch(List<String> jvmOptions, Path jar, boolean writesArchiveOnExit, Path archive) {
        static Launch plain(Path jar) {
            return new Launch(List.of(), jar, false, null);
        }

        /**
         * Removes an archive this run wrote from a process that never became healthy: it holds only
         * the classes of a failed start, and a valid archive is never replaced by a better one.
         */
        public void discardArchive() {
            if (writesArchiveOnExit && archive != null) {
                try {
                    Files.deleteIfExists(archive);
                } catch (IOException e) {
                    // the next start maps it and still starts, only slower than it could
                }
            }
        }
    }

    private final Path cacheDir;
    private final String javaCommand;
    private final boolean enabled;
    private final int javaFeature = Runtime.version().feature();

    public LaunchCache(Path cacheDir, String javaCommand, boolean enabled) {
        this.cacheDir = cacheDir;
        this.javaCommand = javaCommand;
        // the archive must come from the JVM that runs the children; we only know our own version
        this.enabled = enabled && ProcessHandle.current().info().command().map(javaCommand::equals).orElse(false);
    }

    public boolean enabled() {
        return enabled;
    }

    /** {@link #prepare(String, Path, String)} for a jar that runs as one process. */
    public Launch prepare(String module, Path jar) {
        return prepare(module, jar, module);
    }

    /**
     * Extracts the jar if this cache has no current copy of it; any failure falls back to running
     * the jar as it is (slower, never broken). Each process gets its own archive: two JVMs writing
     * one archive at exit would corrupt it (a transcoding worker runs the transcoding-service jar).
     */
    public Launch prepare(String module, Path jar, String process) {
        if (!enabled) {
            return Launch.plain(jar);
        }
        Path dir = cacheDir.resolve(module);
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        Path archive = dir.resolve(process.equals(module) ? "app.jsa" : process + ".jsa");
        try {
            String stamp = stamp(jar);
            Path stampFile = dir.resolve("source.stamp");
            boolean current = Files.isRegularFile(extracted) && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp);
            if (!current) {
                deleteTree(dir);
                Files.createDirectories(dir);
                if (!extract(jar, dir.resolve("app"), dir.resolve("extract.log"))) {
                    deleteTree(dir);
                    return Launch.plain(jar);
                }
                shareLibraries(dir.resolve("app").resolve("lib"));
                Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return Launch.plain(jar);
        }
        return new Launch(archiveOptions(archive), extracted, !Files.isRegularFile(archive), archive);
    }

    private List<String> archiveOptions(Path archive) {
        List<String> options = new ArrayList<>();
        if (javaFeature >= 19) {
            // creates the archive at exit when it is missing or stale, maps it otherwise
            options.add("-XX:+AutoCreateSharedArchive");
            options.add("-XX:SharedArchiveFile=" + archive);
        } else if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else {
            options.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        // a missing or mismatched archive is not an error: the JVM starts without it
        options.add("-Xshare:auto");
        options.add("-Xlog:cds=off");
        options.add("-Xlog:cds+dynamic=off");
        return options;
    }

    /** The jar's size and time plus the exact JDK: a change in either invalidates copy and archive. */
    private String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + Runtime.version() + " "
                + javaCommand + System.lineSeparator();
    }

    /**
     * The services share most of their libraries; identical jars become hard links to one copy in
     * {@code <cache>/lib}, which saves most of the extracted size. Where links are not possible
     * the copies simply stay.
     */
    private void shareLibraries(Path lib) {
        if (!Files.isDirectory(lib)) {
            return;
        }
        Path shared = cacheDir.resolve("lib");
        try (Stream<Path> jars = Files.list(lib)) {
            Files.createDirectories(shared);
            for (Path jar : jars.toList()) {
                Path common = shared.resolve(Files.size(jar) + "-" + jar.getFileName());
                synchronized (LaunchCache.class) {
                    if (!Files.exists(common)) {
                        Files.createLink(common, jar);
                    } else if (Files.mismatch(common, jar) == -1) {
                        Files.delete(jar);
                        Files.createLink(jar, common);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // copies work too, they only take more disk
        }
    }

    /** Removes shared libraries no extracted service links to any more (older versions). */
    public void pruneSharedLibraries() {
        Path shared = cacheDir.resolve("lib");
        if (!enabled || !Files.isDirectory(shared)) {
            return;
        }
        try (Stream<Path> jars = Files.list(shared)) {
            for (Path jar : jars.toList()) {
                Object links = Files.getAttribute(jar, "unix:nlink");
                if (links instanceof Integer n && n <= 1) {
                    Files.deleteIfExists(jar);
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not on a Unix file system: nothing is shared, nothing to prune
        }
    }

    private boolean extract(Path jar, Path destination, Path log) {
        List<String> command = List.of(javaCommand, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", destination.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && Files.isRegularFile(destination.resolve(jar.getFileName()));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
