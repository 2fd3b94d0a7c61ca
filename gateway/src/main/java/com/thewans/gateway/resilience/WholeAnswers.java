package com.thewans.gateway.resilience;

import java.util.List;

import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's writer of the service's answer, writing an answer of known, small length in
 * one piece: status line, headers and body together. The stock writer relays the body as a stream, so
 * Reactor Netty sent the headers first and the body in a second write; the client then woke twice for
 * one answer, and the gateway wrote to sockets five times per request instead of four (socket writes
 * lead its CPU profile). Longer answers, answers of unknown length (chunked), streaming media types and
 * answers to HEAD are relayed as they arrive, as before.
 */
class WholeAnswers extends NettyWriteResponseFilter {

    /** Larger answers are relayed as they arrive rather than held until complete. */
    static final int MAX_WHOLE_BYTES = 64 * 1024;

    WholeAnswers(List<MediaType> streamingMediaTypes, ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        super(streamingMediaTypes, headersFilters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getMethod() == HttpMethod.HEAD) {
            return super.filter(exchange, chain);
        }
        return super.filter(exchange.mutate().response(new WholeWhenSmall(exchange.getResponse())).build(), chain);
    }

    private static final class WholeWhenSmall extends ServerHttpResponseDecorator {

        WholeWhenSmall(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long length = getHeaders().getContentLength();
            if (body instanceof Mono || length <= 0 || length > MAX_WHOLE_BYTES) {
                return super.writeWith(body);
            }
            // a Mono is written by Reactor Netty as one full response
            return super.writeWith(DataBufferUtils.join(body, (int) length));
        }
    }
}
