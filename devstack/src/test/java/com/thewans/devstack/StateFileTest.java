package com.thewans.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBack() {
        List<Member> members = List.of(
                new Member("gateway", "http://localhost:8080", 4242, 1700000000000L, "http://localhost:8080/health", false),
                new Member("redis", "redis://localhost:6379", 0, 0, null, true));
        new StateFile(1, 2, true, members, Map.of("gateway", Duration.ofMillis(12345))).write(dir.resolve("state.properties"));

        StateFile read = StateFile.read(dir.resolve("state.properties")).orElseThrow();
        assertThat(read.ownerPid()).isEqualTo(1);
        assertThat(read.ready()).isTrue();
        assertThat(read.members()).isEqualTo(members);
        assertThat(read.took()).containsEntry("gateway", Duration.ofMillis(12345));
        assertThat(read.members().get(1).external()).isTrue();
    }

    @Test
    void aDeadOwnerIsNoLiveProcessAndItsLeftoversAreCleared() throws Exception {
        // a child we start stands in for a service a killed devstack left behind
        Process leftover = new ProcessBuilder("sleep", "60").start();
        try {
            long start = ProcessTree.startMillis(leftover.toHandle());
            StackOptions options = StackOptions.builder().baseDir(dir).build();
            new PidFile(Long.MAX_VALUE - 1, 0).write(options.pidFile());
            new StateFile(Long.MAX_VALUE - 1, 0, true,
                    List.of(new Member("catalog-service", "http://localhost:3002", leftover.pid(), start, null, false)),
                    Map.of()).write(options.stateFile());

            assertThat(PidFile.read(options.pidFile()).orElseThrow().liveProcess()).isEmpty();
            assertThat(Stack.clearStale(options)).isEqualTo(1);
            assertThat(leftover.isAlive()).isFalse();
            assertThat(options.pidFile()).doesNotExist();
            assertThat(options.stateFile()).doesNotExist();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aReusedPidIsNotMistakenForOurProcess() {
        ProcessHandle self = ProcessHandle.current();
        long wrongStart = ProcessTree.startMillis(self) - 60_000;
        assertThat(ProcessTree.ifSame(self.pid(), wrongStart)).isEmpty();
        assertThat(ProcessTree.ifSame(self.pid(), ProcessTree.startMillis(self))).isPresent();
    }
}
