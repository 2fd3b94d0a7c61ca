package com.thewans.gateway.loop;

import org.springframework.http.client.ReactorResourceFactory;

import io.netty.channel.EventLoopGroup;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP server's event loops, for the client that calls the services, so that a request can be
 * sent on the loop that read it. Looked up on use: Spring creates the loops when the application
 * starts, after the client is built. Outside tests both already share Reactor Netty's global loops;
 * Spring Boot's test support gives the server its own, which this keeps together.
 */
record ServerLoops(ReactorResourceFactory reactor) implements LoopResources {

    /** The loops themselves, as the server runs them (native transport where available). */
    EventLoopGroup group() {
        return onServer(LoopResources.DEFAULT_NATIVE);
    }

    @Override
    public EventLoopGroup onServer(boolean useNative) {
        return reactor.getLoopResources().onServer(useNative);
    }

    /** The server's loops, each handing out itself to a caller already on it (Reactor Netty's colocation). */
    @Override
    public EventLoopGroup onClient(boolean useNative) {
        return reactor.getLoopResources().onClient(useNative);
    }

    @Override
    public EventLoopGroup onServerSelect(boolean useNative) {
        return reactor.getLoopResources().onServerSelect(useNative);
    }
}
