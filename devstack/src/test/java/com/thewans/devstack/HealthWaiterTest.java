package com.thewans.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthWaiterTest {

    @TempDir
    Path dir;

    @Test
    void aProcessThatDiesIsNamedWithWhatItSaidLast() {
        ChildProcess dying = ChildProcess.start("catalog-service", List.of("sh", "-c",
                "echo 'APPLICATION FAILED TO START'; echo 'Caused by: x.Boom: no database'; "
                        + "printf '\\tat a.B.c(B.java:1)\\n\\t... 35 common frames omitted\\n'; exit 3"),
                Map.of(), dir, dir.resolve("catalog-service.log"));
        Member member = new Member("catalog-service", "http://localhost:1", dying.pid(), dying.startMillis(),
                "http://localhost:1/health", false);

        assertThatThrownBy(() -> new HealthWaiter().await(List.of(new HealthWaiter.Watch(member, dying)),
                Instant.now(), Instant.now().plusSeconds(30), line -> { }, () -> false))
                .isInstanceOf(HealthWaiter.ProcessDied.class)
                .hasMessageStartingWith("catalog-service exited with code 3 before it was healthy")
                .hasMessageContaining("Caused by: x.Boom: no database")
                .message().doesNotContain("at a.B.c").doesNotContain("common frames omitted");
    }

    @Test
    void aProcessThatNeverBecomesHealthyIsNamedAtTheDeadline() {
        ChildProcess sleeping = ChildProcess.start("rights-service", List.of("sleep", "30"), Map.of(), dir,
                dir.resolve("rights-service.log"));
        try {
            Member member = new Member("rights-service", "http://localhost:" + Ports.freePort(), sleeping.pid(),
                    sleeping.startMillis(), null, false);
            Instant now = Instant.now();
            assertThatThrownBy(() -> new HealthWaiter().await(List.of(new HealthWaiter.Watch(member, sleeping)),
                    now, now.plusSeconds(1), line -> { }, () -> false))
                    .hasMessageStartingWith("not healthy within 1.0 s: rights-service");
        } finally {
            sleeping.stop(Duration.ofSeconds(1));
        }
        assertThat(sleeping.isAlive()).isFalse();
    }
}
