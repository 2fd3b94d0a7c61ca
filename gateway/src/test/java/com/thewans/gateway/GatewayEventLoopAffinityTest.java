package com.thewans.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

    @Test
    void eachLoopsRedisAnswersComeBackOnThatLoop() {
        List<EventLoop> loops = serverLoops();
        assertThat(loops).hasSizeGreaterThan(1);
        String key = "affinity-test:" + UUID.randomUUID();
        // the loops' own connections are made in the background as the gateway starts
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (EventLoop loop : loops) {
                Thread answeredOn = askOn(loop, () -> redis.hasKey(key).map(ignored -> Thread.currentThread()));
                assertThat((Object) answeredOn).isSameAs(threadOf(loop));
            }
        });
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
