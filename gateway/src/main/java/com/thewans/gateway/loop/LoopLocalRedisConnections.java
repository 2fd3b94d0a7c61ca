package com.thewans.gateway.loop;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.scheduler.Schedulers;

/**
 * One Redis connection per event loop of the gateway's HTTP server, registered on that same loop, and
 * handed to whoever asks from that loop. A request is read on one loop; its rate-limit and signed-out
 * checks now go out and come back on that loop, and the call to the service follows on it too (over
 * one of the loop's own pooled connections, {@link LoopLocalConnectionPools}). With one shared
 * connection on Lettuce's own thread, each request crossed threads to Redis and back, and on this kind
 * of VM each wake-up of another thread costs tens to hundreds of microseconds (bench/README.md).
 *
 * <p>Connections are made in the background (a loop must never wait for its own connection to
 * register); until a loop's connection is up, and from any other thread, the shared connection Spring
 * Boot configured is used, as before. Only a standalone Redis gets per-loop connections.
 */
public class LoopLocalRedisConnections implements ReactiveRedisConnectionFactory, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LoopLocalRedisConnections.class);
    /** After a failed connect, requests keep using the shared connection for this long before a retry. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final LettuceConnectionFactory shared;
    private final ClientResources resources;
    private final ServerLoops serverLoops;
    private volatile Map<EventExecutor, LoopConnection> loops = Map.of();
    private volatile boolean running;

    LoopLocalRedisConnections(LettuceConnectionFactory shared, ClientResources resources, ServerLoops serverLoops) {
        this.shared = shared;
        this.resources = resources;
        this.serverLoops = serverLoops;
    }

    @Override
    public ReactiveRedisConnection getReactiveConnection() {
        EventExecutor current = ThreadExecutorMap.currentExecutor();
        LoopConnection own = current == null ? null : loops.get(current);
        if (own != null) {
            if (own.ready) {
                return own.factory.getReactiveConnection();
            }
            own.connectInBackground();
        }
        return shared.getReactiveConnection();
    }

    /**
     * Sends what the current loop has written to its Redis connection now, instead of when the loop's
     * task ends (see {@link OneWritePerTask}): for questions asked early in a request, so that Redis
     * answers while the loop goes on with the request. Does nothing off the loops.
     */
    public void sendNow() {
        EventExecutor current = ThreadExecutorMap.currentExecutor();
        LoopConnection own = current == null ? null : loops.get(current);
        if (own != null) {
            own.writes.sendNow();
        }
    }

    @Override
    public ReactiveRedisClusterConnection getReactiveClusterConnection() {
        return shared.getReactiveClusterConnection();
    }

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        return shared.translateExceptionIfPossible(ex);
    }

    /**
     * Connects every loop as soon as the application starts, without holding up its start. The loops
     * exist from then: Reactor Netty's resources start in an earlier lifecycle phase.
     */
    @Override
    public void start() {
        if (loops.isEmpty() && shared.getStandaloneConfiguration() != null
                && shared.getSentinelConfiguration() == null && shared.getClusterConfiguration() == null) {
            Map<EventExecutor, LoopConnection> connections = new HashMap<>();
            for (EventExecutor executor : serverLoops.group()) {
                if (executor instanceof EventLoop loop) {
                    OneWritePerTask writes = new OneWritePerTask(resources.nettyCustomizer());
                    connections.put(loop, new LoopConnection(loop, shared.getStandaloneConfiguration(),
                            onLoop(shared.getClientConfiguration(), resources, loop, writes), writes));
                }
            }
            loops = Map.copyOf(connections);
        }
        running = true;
        loops.values().forEach(LoopConnection::connectInBackground);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        loops.values().forEach(LoopConnection::close);
    }

    /** Spring Boot's client settings (timeouts, TLS, client name) with the resources pinned to one loop. */
    private static LettuceClientConfiguration onLoop(LettuceClientConfiguration base, ClientResources resources,
            EventLoop loop, OneWritePerTask writes) {
        var builder = LettuceClientConfiguration.builder()
                .clientResources(resources.mutate().eventLoopGroupProvider(new OneLoop(loop))
                        .nettyCustomizer(writes).build())
                .commandTimeout(base.getCommandTimeout())
                .shutdownTimeout(base.getShutdownTimeout())
                .shutdownQuietPeriod(base.getShutdownQuietPeriod());
        base.getClientOptions().ifPresent(builder::clientOptions);
        base.getClientName().ifPresent(builder::clientName);
        base.getReadFrom().ifPresent(builder::readFrom);
        base.getRedisCredentialsProviderFactory().ifPresent(builder::redisCredentialsProviderFactory);
        if (base.isUseSsl()) {
            var ssl = builder.useSsl().verifyPeer(base.getVerifyMode());
            if (base.isStartTls()) {
                ssl.startTls();
            }
            builder = ssl.and();
        }
        return builder.build();
    }

    /** One event loop's connection: a Lettuce client whose only event loop is that loop. */
    private static final class LoopConnection {

        private final EventLoop loop;
        private final OneWritePerTask writes;
        private final LettuceConnectionFactory factory;
        private final ClientResources resources;
        private final AtomicBoolean connecting = new AtomicBoolean();
        private volatile boolean ready;
        private volatile long retryAt = System.nanoTime();

        LoopConnection(EventLoop loop, RedisStandaloneConfiguration redis, LettuceClientConfiguration client,
                OneWritePerTask writes) {
            this.loop = loop;
            this.writes = writes;
            this.resources = client.getClientResources().orElseThrow();
            this.factory = new LettuceConnectionFactory(redis, client);
            this.factory.afterPropertiesSet();
            this.factory.start();
        }

        void connectInBackground() {
            if (ready || System.nanoTime() - retryAt < 0 || !connecting.compareAndSet(false, true)) {
                return;
            }
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    // the first use makes the shared native connection (blocking, so never on the loop)
                    ReactiveRedisConnection first = factory.getReactiveConnection();
                    first.close();
                    ready = true;
                } catch (RuntimeException e) {
                    retryAt = System.nanoTime() + RETRY_AFTER.toNanos();
                    log.warn("No Redis connection for event loop {} yet ({}); using the shared one meanwhile",
                            loop, e.getMessage());
                } finally {
                    connecting.set(false);
                }
            });
        }

        void close() {
            factory.destroy();
            resources.shutdown(0, 0, TimeUnit.MILLISECONDS); // its own parts only: the rest is shared
        }
    }

    /**
     * A request's two commands (the signed-out check and the rate limit) are written to its loop's
     * connection in the same task of that loop. Lettuce flushes each command on its own: two writes to
     * the socket, and Redis may wake for the first before the second arrives. Deferring the flush to
     * the end of the loop's current task sends both in one write; an answer being read flushes with
     * its end as usual, and {@link #sendNow} sends at once what is already written.
     */
    private static final class OneWritePerTask implements NettyCustomizer {

        private final NettyCustomizer base;
        /** The connection's channel: a new one after each reconnect. */
        private volatile Channel channel;

        OneWritePerTask(NettyCustomizer base) {
            this.base = base;
        }

        @Override
        public void afterBootstrapInitialized(Bootstrap bootstrap) {
            base.afterBootstrapInitialized(bootstrap);
        }

        @Override
        public void afterChannelInitialized(Channel channel) {
            base.afterChannelInitialized(channel);
            channel.pipeline().addFirst(new FlushConsolidationHandler(
                    FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
            this.channel = channel;
        }

        /** A flush from the consolidating handler's own place in the pipeline goes straight to the socket. */
        void sendNow() {
            Channel current = channel;
            ChannelHandlerContext consolidating = current == null ? null
                    : current.pipeline().context(FlushConsolidationHandler.class);
            if (consolidating != null) {
                consolidating.flush();
            }
        }
    }

    /**
     * Lettuce asks its resources for an event loop group; this answers with a single loop (a Netty loop
     * is a group of one) and leaves shutting it down to Reactor Netty, which owns it.
     */
    private record OneLoop(EventLoop loop) implements EventLoopGroupProvider {

        @Override
        @SuppressWarnings("unchecked")
        public <T extends EventLoopGroup> T allocate(Class<T> type) {
            return (T) loop;
        }

        @Override
        public int threadPoolSize() {
            return 1;
        }

        @Override
        public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
        }

        @Override
        public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
        }
    }
}
