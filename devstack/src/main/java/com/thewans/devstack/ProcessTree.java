package com.thewans.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stops processes together with everything they started (a service's ffmpeg, PostgreSQL's
 * backends): a polite SIGTERM first so Spring can shut down gracefully, SIGKILL for what is still
 * there when the grace period ends. Nothing is left behind holding a port.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    public static void stop(ProcessHandle root, Duration grace) {
        stopAll(List.of(root), grace);
    }

    public static void stopAll(List<ProcessHandle> roots, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            if (root.isAlive()) {
                all.add(root);
                root.descendants().forEach(all::add);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        // roots first: a Spring service stops its own children's work before they get the signal
        roots.forEach(ProcessHandle::destroy);
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle p : all) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                break;
            }
            try {
                p.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // still alive: killed below
            }
        }
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle p : all) {
            if (p.isAlive()) {
                p.descendants().forEach(survivors::add);
                survivors.add(p);
            }
        }
        survivors.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : survivors) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a process SIGKILL cannot end within 5 s is stuck in the kernel; nothing more to do
            }
        }
    }

    /**
     * The live process with this pid, but only if it is still the one we started: a pid from a
     * state file may have been reused by an unrelated process since.
     */
    public static Optional<ProcessHandle> ifSame(long pid, long startMillis) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> startMillis <= 0 || p.info().startInstant()
                        .map(s -> Math.abs(s.toEpochMilli() - startMillis) < 2000)
                        .orElse(true));
    }

    public static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
