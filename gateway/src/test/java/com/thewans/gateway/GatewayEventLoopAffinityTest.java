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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.thewans.gateway.loop.LoopLocalRedisConnections;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.EventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * A request stays on the event loop that read it: its Redis commands and its call to the service go
 * out and come back on that loop (gateway.loop). Each test asks from every loop in turn, as requests
 * arriving on different connections do. Nothing is asserted on time: each test records which loop or
 * thread did what, and what reached a connection's socket, and asserts on that; the timeouts only keep
 * a broken gateway from hanging the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayEventLoopAffinityTest {

    /** How long anything may take before the test gives up; never what a test asserts. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static final Map<String, FakeService> services = new LinkedHashMap<>();
    /** Every Redis connection's channel, as Lettuce initialises it (the loops' own and Spring Boot's). */
    private static final List<Channel> redisChannels = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        FakeService.standInForEveryService(services, registry);
    }

    @AfterAll
    static void stopFakes() {
        services.values().forEach(FakeService::close);
    }

    /** Lets the test find each loop's Redis channel; the loops' connections build on these resources. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RedisChannelsSeen {

        @Bean
        ClientResourcesBuilderCustomizer noteRedisChannels() {
            return builder -> builder.nettyCustomizer(new NettyCustomizer() {
                @Override
                public void afterChannelInitialized(Channel channel) {
                    redisChannels.add(channel);
                }
            });
        }
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
            Thread loopThread = threadOf(loop);
            String on = loopThread.getName();
            SocketEnd socket = SocketEnd.installOn(ownRedisChannel(loop));
            try {
                // a command written without sendNow: it waits in the channel until the loop's task ends
                String held = "held-for-task-end:" + UUID.randomUUID();
                int atTaskEnd = onLoop(loop, () -> {
                    redis.opsForValue().set(held, "1", Duration.ofMinutes(1)).subscribe();
                    assertThat(socket.kinds()).as("written in the task, not sent, on %s", on)
                            .isNotEmpty().containsOnly(WRITE);
                    // nothing left the process, so no other connection can see it yet
                    assertThat(existsInRedis(held)).as("seen from outside during the task, on %s", on).isFalse();
                    return socket.events().size();
                });
                await().atMost(HANG_GUARD).until(() -> existsInRedis(held));
                assertThat(socket.eventsSince(atTaskEnd)).as("sent once the task had ended, by its loop %s", on)
                        .contains(new Event(FLUSH, loopThread))
                        .allMatch(event -> event.thread() == loopThread);

                // a command followed by sendNow: it leaves during the task, and Redis has it before the task ends
                String sent = "sent-now:" + UUID.randomUUID();
                socket.forget();
                onLoop(loop, () -> {
                    redis.opsForValue().set(sent, "1", Duration.ofMinutes(1)).subscribe();
                    loopConnections.sendNow();
                    assertThat(socket.kinds()).as("sent now, on %s", on).startsWith(WRITE).endsWith(FLUSH);
                    await().atMost(HANG_GUARD).until(() -> existsInRedis(sent));
                    return null;
                });
            } finally {
                socket.remove();
            }
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
        await().atMost(HANG_GUARD).untilAsserted(() -> {
            for (EventLoop loop : loops) {
                Thread answeredOn = askOn(loop, () -> redis.hasKey(key).map(ignored -> Thread.currentThread()));
                assertThat((Object) answeredOn).isSameAs(threadOf(loop));
            }
        });
    }

    /** The channel of the loop's own Redis connection: registered on that loop, its flushes consolidated. */
    private static Channel ownRedisChannel(EventLoop loop) {
        return redisChannels.stream()
                .filter(channel -> channel.eventLoop() == loop && channel.isActive()
                        && channel.pipeline().get(FlushConsolidationHandler.class) != null)
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError("no Redis connection of its own on " + loop));
    }

    /** Asks from Spring Boot's shared connection (blocking is fine in a test, even on a loop). */
    private boolean existsInRedis(String key) {
        try (RedisConnection connection = sharedConnections.getConnection()) {
            return Boolean.TRUE.equals(connection.keyCommands().exists(key.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private List<EventLoop> serverLoops() {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : reactor.getLoopResources().onServer(LoopResources.DEFAULT_NATIVE)) {
            loops.add((EventLoop) executor);
        }
        return loops;
    }

    /** Runs one task on the loop, as the loop runs a request's filters, and returns what it returned. */
    private static <T> T onLoop(EventLoop loop, Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, loop).orTimeout(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed; // an assertion made on the loop fails the test as itself
            }
            throw e;
        }
    }

    /** Subscribes on the loop, as a filter does for a request that loop read, and waits for the answer. */
    private static <T> T askOn(EventLoop loop, Supplier<Mono<T>> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> question.get().subscribe(answer::complete, answer::completeExceptionally));
        return answer.orTimeout(HANG_GUARD.toSeconds(), TimeUnit.SECONDS).join();
    }

    private static Thread threadOf(EventLoop loop) {
        return onLoop(loop, Thread::currentThread);
    }

    private static final String WRITE = "write";
    private static final String FLUSH = "flush";

    /** A write or a flush at the socket end of a channel, and the thread that made it. */
    private record Event(String kind, Thread thread) {
    }

    /**
     * Notes what reaches the socket end of a channel's pipeline, past the flush consolidation: a write is
     * queued in the channel, a flush sends what is queued to the socket.
     */
    private static final class SocketEnd extends ChannelOutboundHandlerAdapter {

        private final Channel channel;
        private final List<Event> events = new CopyOnWriteArrayList<>();

        private SocketEnd(Channel channel) {
            this.channel = channel;
        }

        /** Added on the channel's loop, so it sees everything from the next task of that loop on. */
        static SocketEnd installOn(Channel channel) {
            SocketEnd socket = new SocketEnd(channel);
            onLoop((EventLoop) channel.eventLoop(), () -> channel.pipeline().addFirst(socket));
            return socket;
        }

        List<Event> events() {
            return List.copyOf(events);
        }

        List<Event> eventsSince(int index) {
            List<Event> all = events();
            return all.subList(index, all.size());
        }

        List<String> kinds() {
            return events.stream().map(Event::kind).toList();
        }

        void forget() {
            events.clear();
        }

        void remove() {
            onLoop((EventLoop) channel.eventLoop(), () -> channel.pipeline().remove(this));
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            events.add(new Event(WRITE, Thread.currentThread()));
            context.write(message, promise);
        }

        @Override
        public void flush(ChannelHandlerContext context) {
            events.add(new Event(FLUSH, Thread.currentThread()));
            context.flush();
        }
    }
}
