package com.thewans.gateway.loop;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * A pool of connections to the services for each event loop, so that a request read on one loop is
 * sent, answered and written back on that loop. Reactor Netty opens new connections on the asking loop,
 * but its pool hands out whichever idle connection comes first, usually one of another loop: the
 * request then crosses threads on the way out and again on the way back. Each pool is one Spring Cloud
 * Gateway would have built (same settings, so limits such as max-connections apply per loop); a
 * caller that is not one of the server's loops gets a shared pool.
 */
final class LoopLocalConnectionPools implements ConnectionProvider {

    private final ServerLoops loops;
    private final Supplier<ConnectionProvider> newPool;
    private final ConnectionProvider shared;
    private final Map<EventExecutor, ConnectionProvider> pools = new ConcurrentHashMap<>();

    LoopLocalConnectionPools(ServerLoops loops, Supplier<ConnectionProvider> newPool) {
        this.loops = loops;
        this.newPool = newPool;
        this.shared = newPool.get();
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
            Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
        return poolForCurrentLoop().acquire(config, observer, remoteAddress, resolverGroup);
    }

    private ConnectionProvider poolForCurrentLoop() {
        EventExecutor current = ThreadExecutorMap.currentExecutor();
        if (current == null) {
            return shared;
        }
        ConnectionProvider pool = pools.get(current);
        if (pool != null) {
            return pool;
        }
        for (EventExecutor loop : loops.group()) {
            if (loop == current) {
                return pools.computeIfAbsent(current, ignored -> newPool.get());
            }
        }
        return shared; // another group's thread: its connections would not live on it anyway
    }

    @Override
    public void disposeWhen(SocketAddress address) {
        shared.disposeWhen(address);
        pools.values().forEach(pool -> pool.disposeWhen(address));
    }

    @Override
    public Mono<Void> disposeLater() {
        return Flux.concat(shared.disposeLater(), Flux.fromIterable(pools.values()).flatMap(ConnectionProvider::disposeLater))
                .then();
    }

    @Override
    public void dispose() {
        shared.dispose();
        pools.values().forEach(ConnectionProvider::dispose);
    }

    @Override
    public boolean isDisposed() {
        return shared.isDisposed();
    }

    @Override
    public int maxConnections() {
        return shared.maxConnections();
    }

    @Override
    public Map<SocketAddress, Integer> maxConnectionsPerHost() {
        return shared.maxConnectionsPerHost();
    }

    @Override
    public String name() {
        return shared.name();
    }
}
