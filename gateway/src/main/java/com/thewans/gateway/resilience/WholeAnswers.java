package com.thewans.gateway.resilience;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A service's answer of known, small length goes back to the client in one write: status line,
 * headers and body together. Spring Cloud Gateway relays the body as a stream, so Reactor Netty sent
 * the headers first and the body in a second write; the client then woke twice for one answer, and the
 * gateway wrote to sockets five times per request instead of four (socket writes lead its CPU
 * profile). Longer answers, answers of unknown length (chunked) and streaming media types are relayed
 * as they arrive, as before.
 */
@Component
class WholeAnswers implements GlobalFilter, Ordered {

    /** Larger answers are relayed as they arrive rather than held until complete. */
    static final int MAX_WHOLE_BYTES = 64 * 1024;

    /** Just before Spring Cloud Gateway's response writer, which then writes through the decorator. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getMethod() == HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new WholeWhenSmall(exchange.getResponse())).build());
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
