package com.thewans.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One process the stack started (a service, the gateway, S3Mock or Redis), with its output in its
 * own log file. The previous run's log is kept as {@code <name>.log.prev}.
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long startMillis;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.startMillis = ProcessTree.startMillis(process.toHandle());
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".prev"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new DevstackException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public long startMillis() {
        return startMillis;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public Process process() {
        return process;
    }

    public Path logFile() {
        return logFile;
    }

    public void stop(Duration grace) {
        ProcessTree.stop(process.toHandle(), grace);
    }

    /** The last lines of the log, for a message that says why a process did not come up. */
    public List<String> tail(int lines) {
        return tail(logFile, lines);
    }

    public static List<String> tail(Path file, int lines) {
        Deque<String> last = new ArrayDeque<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // a crashed JVM can leave bytes that are not UTF-8; decode leniently
            String line;
            while ((line = reader.readLine()) != null) {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return lenientTail(file, lines);
        }
        return List.copyOf(last);
    }

    private static List<String> lenientTail(Path file, int lines) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String[] all = text.split("\\R");
            return List.of(all).subList(Math.max(0, all.length - lines), all.length);
        } catch (IOException e) {
            return List.of("(no log at " + file + ")");
        }
    }
}
