package com.thewans.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code <baseDir>/devstack.pid}: "pid start-millis" of the process that runs the stack. */
public record PidFile(long pid, long startMillis) {

    public static PidFile ofCurrentProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new PidFile(self.pid(), ProcessTree.startMillis(self));
    }

    public Optional<ProcessHandle> liveProcess() {
        return ProcessTree.ifSame(pid, startMillis);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + " " + startMillis + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DevstackException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    public static Optional<PidFile> read(Path file) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            return Optional.of(new PidFile(Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
