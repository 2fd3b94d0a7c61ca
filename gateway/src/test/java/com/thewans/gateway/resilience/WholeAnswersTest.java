package com.thewans.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What reaches the server's response: a single buffer (Reactor Netty writes status line, headers and
 * body at once) for small answers of known length, the stream as it arrives for everything else.
 */
class WholeAnswersTest {

    private final WholeAnswers wholeAnswers = new WholeAnswers(List.of(), new DefaultListableBeanFactory()
            .getBeanProvider(ResolvableType.forClassWithGenerics(List.class, HttpHeadersFilter.class)));

    @Test
    void aSmallAnswerOfKnownLengthIsHandedOnWhole() {
        Recording response = relay(HttpMethod.GET, 11, "{\"film\":", "42}");

        assertThat(response.written).isInstanceOf(Mono.class);
        assertThat(response.getBodyAsString().block()).isEqualTo("{\"film\":42}");
    }

    @Test
    void largeChunkedAndHeadAnswersAreRelayedAsTheyArrive() {
        String part = "x".repeat(40 * 1024);
        Recording large = relay(HttpMethod.GET, 2L * part.length(), part, part);
        assertThat(large.written).isNotInstanceOf(Mono.class);
        assertThat(large.getBodyAsString().block()).hasSize(2 * part.length());

        Recording chunked = relay(HttpMethod.GET, -1, "{\"a\":", "1}");
        assertThat(chunked.written).isNotInstanceOf(Mono.class);
        assertThat(chunked.getBodyAsString().block()).isEqualTo("{\"a\":1}");

        Recording head = relay(HttpMethod.HEAD, 7, "{\"a\":", "1}");
        assertThat(head.written).isNotInstanceOf(Mono.class);
    }

    /** Runs the writer with a chain whose service answers straight into the response. */
    private Recording relay(HttpMethod method, long contentLength, String... parts) {
        Recording response = new Recording();
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, "/api/films/42"))
                .mutate().response(response).build();
        GatewayFilterChain serviceAnswer = ex -> {
            if (contentLength >= 0) {
                ex.getResponse().getHeaders().setContentLength(contentLength);
            }
            return ex.getResponse().writeWith(Flux.fromArray(parts).map(WholeAnswersTest::buffer));
        };
        wholeAnswers.filter(exchange, serviceAnswer).block();
        return response;
    }

    private static DataBuffer buffer(String text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The server's response, noting what it was asked to write. */
    private static final class Recording extends ServerHttpResponseDecorator {
        Publisher<? extends DataBuffer> written;

        Recording() {
            super(new MockServerHttpResponse());
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            written = body;
            return super.writeWith(body);
        }

        Mono<String> getBodyAsString() {
            return ((MockServerHttpResponse) getDelegate()).getBodyAsString();
        }
    }
}
