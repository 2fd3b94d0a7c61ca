package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.thewans.devstack.Member;

/** Stops a service on purpose, so it runs after every other system test (see junit-platform.properties). */
@Order(Integer.MAX_VALUE)
@ExtendWith(RunningPlatform.class)
class ServiceOutageSystemTest {

    @Test
    void aStoppedServiceIsA503WhileTheOthersKeepAnswering() throws Exception {
        var stack = RunningPlatform.stack();
        var gateway = RunningPlatform.gateway();
        Visitor visitor = new Visitor(gateway);
        Visitor.Session viewer = visitor.newViewer();

        Member advertising = stack.members().stream().filter(m -> m.name().equals("advertising-service"))
                .findFirst().orElseThrow();
        ProcessHandle process = ProcessHandle.of(advertising.pid()).orElseThrow();
        process.destroy();
        process.onExit().get(30, TimeUnit.SECONDS);

        long started = System.nanoTime();
        var down = visitor.get("/api/ads/decision", viewer);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");
        assertThat(down.json().get("code").asString()).isEqualTo("dependency-unavailable");
        assertThat(down.json().get("dependency").asString()).isEqualTo("advertising-service");

        assertThat(visitor.get("/api/profile", viewer).status()).isEqualTo(200);
        assertThat(visitor.get("/api/films", null).status()).isEqualTo(200);
    }
}
