package com.thewans.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.thewans.gateway.loop.LoopLocalRedisConnections;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * A request stays on the event loop that read it: its Redis commands and its call to the service go
 * out and come back on that loop (gateway.loop). Each test asks from every loop in turn, as requests
 * arriving on different connections do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayEventLoopAffinityTest {

    private static final Map<String, FakeService> services = new LinkedHashMap<>();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        FakeService.standInForEveryService(services, registry);
    }

    @AfterAll
    static void stopFakes() {
        services.values().forEach(FakeService::close);
    }

    @Autowired
    ReactorResourceFactory reactor;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    HttpClient serviceClient;

    @Autowired
    LoopLocalRedisConnections loopConnections;

    /** Spring Boot's own connection, on Lettuce's threads: a view of Redis from outside the loops. */
    @Autowired
    LettuceConnectionFactory sharedConnections;

    @Test
    void eachLoopsRedisAnswersComeBackOnThatLoop() {
        List<EventLoop> loops = serverLoops();
        assertThat(loops).hasSizeGreaterThan(1);
        awaitOwnConnections(loops);
    }

    @Test
    void aLoopsCommandsWaitForTheEndOfItsTaskUnlessSentNow() {
        List<EventLoop> loops = serverLoops();
        awaitOwnConnections(loops);
        for (EventLoop loop : loops) {
            String held = "held-for-task-end:" + UUID.randomUUID();
            String sent = "sent-now:" + UUID.randomUUID();
            boolean[] seenWithinTask = CompletableFuture.supplyAsync(() -> {
                redis.opsForValue().set(held, "1", Duration.ofMinutes(1)).subscribe();
                boolean heldSeen = seenFromOutside(held, Duration.ofMillis(300));
                redis.opsForValue().set(sent, "1", Duration.ofMinutes(1)).subscribe();
                loopConnections.sendNow();
                // still inside the loop's task: only what already left can have reached Redis
                return new boolean[] {heldSeen, seenFromOutside(sent, Duration.ofSeconds(5))};
            }, loop).join();
            assertThat(seenWithinTask[0]).as("written without sendNow, on %s", threadOf(loop).getName()).isFalse();
            assertThat(seenWithinTask[1]).as("sent now, on %s", threadOf(loop).getName()).isTrue();
            // and what was held went out once the task ended
            await().atMost(Duration.ofSeconds(5)).until(() -> seenFromOutside(held, Duration.ZERO));
        }
    }

    @Test
    void aServiceIsCalledOverAConnectionOfTheLoopThatAsks() {
        List<EventLoop> loops = serverLoops();
        String url = services.get("catalog-service").url() + "/api/films";
        for (int round = 0; round < 3; round++) {
            for (EventLoop loop : loops) {
                EventLoop connectionLoop = askOn(loop, () -> serviceClient.get().uri(url)
                        .responseConnection((response, connection) -> connection.inbound().receive().then()
                                .thenReturn(connection.channel().eventLoop()))
                        .single());
                // without a pool per loop, the idle connection another loop just released is handed out
                assertThat(connectionLoop).as("round %d, asked on %s", round, threadOf(loop).getName()).isSameAs(loop);
            }
        }
    }

    /** The loops' own connections are made in the background as the gateway starts. */
    private void awaitOwnConnections(List<EventLoop> loops) {
        String key = "affinity-test:" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (EventLoop loop : loops) {
                Thread answeredOn = askOn(loop, () -> redis.hasKey(key).map(ignored -> Thread.currentThread()));
                assertThat((Object) answeredOn).isSameAs(threadOf(loop));
            }
        });
    }

    /** Polls from Spring Boot's shared connection (blocking is fine in a test, even on a loop). */
    private boolean seenFromOutside(String key, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try (RedisConnection connection = sharedConnections.getConnection()) {
            do {
                if (Boolean.TRUE.equals(connection.keyCommands().exists(key.getBytes(StandardCharsets.UTF_8)))) {
                    return true;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - deadline < 0);
        }
        return false;
    }

    private List<EventLoop> serverLoops() {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : reactor.getLoopResources().onServer(LoopResources.DEFAULT_NATIVE)) {
            loops.add((EventLoop) executor);
        }
        return loops;
    }

    /** Subscribes on the loop, as a filter does for a request that loop read, and waits for the answer. */
    private static <T> T askOn(EventLoop loop, Supplier<Mono<T>> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> question.get().subscribe(answer::complete, answer::completeExceptionally));
        return answer.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    private static Thread threadOf(EventLoop loop) {
        return CompletableFuture.supplyAsync(Thread::currentThread, loop).join();
    }
}
