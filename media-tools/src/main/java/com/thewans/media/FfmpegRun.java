package com.thewans.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * One FFmpeg process: started at low priority, its {@code -progress} output turned into seconds
 * done, the tail of its log kept for a failure report, and killable from another thread (cancel).
 */
public class FfmpegRun {

    private static final int TAIL_LINES = 40;

    private final FfmpegBinaries binaries;
    private volatile Process process;
    private volatile boolean killed;

    public FfmpegRun(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    /**
     * Runs ffmpeg with {@code arguments} (without the progress options, which are added here) and
     * reports each progress tick as seconds of output written.
     */
    public void run(List<String> arguments, DoubleConsumer secondsDone) throws FfmpegFailed, IOException,
            InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "warning",
                "-nostats", "-progress", "pipe:1", "-stats_period", "0.5"));
        args.addAll(arguments);
        Deque<String> tail = new ArrayDeque<>();
        synchronized (this) {
            if (killed) {
                throw new FfmpegFailed("FFmpeg was stopped", "");
            }
            process = binaries.command(binaries.ffmpeg(), args, true).start();
        }
        Process p = process;
        Thread stderr = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (tail) {
                        tail.addLast(line.length() > 500 ? line.substring(0, 500) : line);
                        if (tail.size() > TAIL_LINES) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "ffmpeg-log");
        stderr.setDaemon(true);
        stderr.start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("out_time_us=")) {
                    String value = line.substring("out_time_us=".length());
                    if (!value.startsWith("N/A") && !value.startsWith("-")) {
                        try {
                            secondsDone.accept(Long.parseLong(value.trim()) / 1_000_000.0);
                        } catch (NumberFormatException e) {
                            // a progress line we do not understand is not a reason to fail the encode
                        }
                    }
                }
            }
        } finally {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            stderr.join(2000);
        }
        String log;
        synchronized (tail) {
            log = String.join("\n", tail);
        }
        if (killed) {
            throw new FfmpegFailed("FFmpeg was stopped", log);
        }
        if (p.exitValue() != 0) {
            throw new FfmpegFailed("FFmpeg failed with exit code " + p.exitValue(), log);
        }
    }

    /** Stops the process now (cancel, lost lease, shutdown); the running {@link #run} then fails. */
    public synchronized void kill() {
        killed = true;
        Process p = process;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }
}
