package com.thewans.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack wrote down for {@code ./wans status}, {@code ./wans down} and for cleaning up
 * after a devstack that was killed: its own pid, and every member's URL, pid and process start time
 * (so a reused pid is never mistaken for ours). Rewritten after every process it starts.
 */
public record StateFile(long ownerPid, long ownerStartMillis, boolean ready, List<Member> members,
                        Map<String, Duration> took) {

    public Optional<ProcessHandle> liveOwner() {
        return ProcessTree.ifSame(ownerPid, ownerStartMillis);
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("devstack.pid", Long.toString(ownerPid));
        p.setProperty("devstack.start", Long.toString(ownerStartMillis));
        p.setProperty("ready", Boolean.toString(ready));
        List<String> names = new ArrayList<>();
        for (Member m : members) {
            names.add(m.name());
            String k = "member." + m.name() + ".";
            p.setProperty(k + "url", m.url());
            p.setProperty(k + "pid", Long.toString(m.pid()));
            p.setProperty(k + "start", Long.toString(m.startMillis()));
            p.setProperty(k + "infrastructure", Boolean.toString(m.infrastructure()));
            if (m.healthUrl() != null) {
                p.setProperty(k + "health", m.healthUrl());
            }
            Duration d = took.get(m.name());
            if (d != null) {
                p.setProperty(k + "tookMillis", Long.toString(d.toMillis()));
            }
        }
        p.setProperty("members", String.join(",", names));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "THE WANS local stack; written by devstack while it runs, removed when it stops");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DevstackException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    public static Optional<StateFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            List<Member> members = new ArrayList<>();
            Map<String, Duration> took = new LinkedHashMap<>();
            String names = p.getProperty("members", "");
            for (String name : names.isEmpty() ? new String[0] : names.split(",")) {
                String k = "member." + name + ".";
                members.add(new Member(name, p.getProperty(k + "url"),
                        Long.parseLong(p.getProperty(k + "pid", "0")),
                        Long.parseLong(p.getProperty(k + "start", "0")),
                        p.getProperty(k + "health"),
                        Boolean.parseBoolean(p.getProperty(k + "infrastructure"))));
                String ms = p.getProperty(k + "tookMillis");
                if (ms != null) {
                    took.put(name, Duration.ofMillis(Long.parseLong(ms)));
                }
            }
            return Optional.of(new StateFile(Long.parseLong(p.getProperty("devstack.pid", "0")),
                    Long.parseLong(p.getProperty("devstack.start", "0")),
                    Boolean.parseBoolean(p.getProperty("ready")), members, took));
        } catch (RuntimeException e) {
            // a state file we cannot read is treated like none; the pid file still guards a running stack
            return Optional.empty();
        }
    }
}
