package com.thewans.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Polls every member until it is healthy, each on its own thread so one slow answer does not
 * delay the others' timing. Fails fast when a process exits before it is healthy (with the end of
 * its log) and when the overall deadline passes (naming who is still not healthy).
 */
public final class HealthWaiter {

    /** A member to wait for and, if the stack started it, its process. */
    public record Watch(Member member, ChildProcess process) {
    }

    /** A process that exited before it was healthy; the message carries the end of its log. */
    public static final class ProcessDied extends DevstackException {
        private final String name;

        ProcessDied(String name, String message) {
            super(message);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    public static final int LOG_LINES = 20;
    private static final long POLL_MILLIS = 250;
    private static final java.util.regex.Pattern FRAMES_OMITTED =
            java.util.regex.Pattern.compile("\\.\\.\\. \\d+ (common frames omitted|more)");

    private final Probe probe = new Probe();

    /**
     * Returns how long each member took to be healthy, measured from {@code since}.
     */
    public Map<String, Duration> await(List<Watch> watches, Instant since, Instant deadline,
                                       Consumer<String> progress, BooleanSupplier stopping) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, watches.size()), r -> {
            Thread t = new Thread(r, "health-wait");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Map.Entry<String, Duration>> done = new ExecutorCompletionService<>(pool);
        List<Future<Map.Entry<String, Duration>>> futures = new ArrayList<>();
        for (Watch w : watches) {
            futures.add(done.submit(() -> awaitOne(w, since, deadline, stopping)));
        }
        Map<String, Duration> took = new LinkedHashMap<>();
        try {
            for (int i = 0; i < watches.size(); i++) {
                Future<Map.Entry<String, Duration>> f = done.take();
                Map.Entry<String, Duration> result = f.get();
                if (result == null) {
                    continue;
                }
                took.put(result.getKey(), result.getValue());
                progress.accept(String.format("  %-24s healthy after %s  (%d/%d)", result.getKey(),
                        seconds(result.getValue()), took.size(), watches.size()));
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DevstackException d) {
                throw d;
            }
            throw new DevstackException("waiting for health failed: " + Infrastructure.oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while waiting for the stack to be healthy");
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
        if (took.size() < watches.size()) {
            List<String> missing = watches.stream().map(w -> w.member().name()).filter(n -> !took.containsKey(n)).toList();
            if (stopping.getAsBoolean()) {
                throw new DevstackException("stopping before " + String.join(", ", missing) + " became healthy");
            }
            throw new DevstackException("not healthy within " + seconds(Duration.between(since, deadline)) + ": "
                    + String.join(", ", missing) + " (see their logs under " + logHint(watches) + ")");
        }
        return took;
    }

    private Map.Entry<String, Duration> awaitOne(Watch w, Instant since, Instant deadline, BooleanSupplier stopping) {
        String name = w.member().name();
        while (!stopping.getAsBoolean() && Instant.now().isBefore(deadline) && !Thread.currentThread().isInterrupted()) {
            if (w.process() != null && !w.process().isAlive()) {
                throw died(w);
            }
            if (probe.healthy(w.member())) {
                return Map.entry(name, Duration.between(since, Instant.now()));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    static ProcessDied died(Watch w) {
        ChildProcess p = w.process();
        StringBuilder message = new StringBuilder()
                .append(w.member().name()).append(" exited with code ").append(p.exitCode())
                .append(" before it was healthy; last lines of ").append(p.logFile())
                .append(" (stack frames left out):");
        for (String line : withoutStackFrames(p.tail(LOG_LINES * 20), LOG_LINES)) {
            message.append(System.lineSeparator()).append("    ").append(line);
        }
        return new ProcessDied(w.member().name(), message.toString());
    }

    /** The last lines that say something: "Caused by" and Spring's failure analysis, not "at ..." frames. */
    static List<String> withoutStackFrames(List<String> lines, int keep) {
        List<String> said = lines.stream()
                .filter(l -> !l.isBlank())
                .filter(l -> !l.stripLeading().startsWith("at "))
                .filter(l -> !FRAMES_OMITTED.matcher(l.strip()).matches())
                .toList();
        return said.subList(Math.max(0, said.size() - keep), said.size());
    }

    private static String logHint(List<Watch> watches) {
        return watches.stream().filter(w -> w.process() != null).findFirst()
                .map(w -> w.process().logFile().getParent().toString()).orElse("the log directory");
    }

    public static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
