package com.thewans.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import reactor.core.publisher.Mono;

/**
 * The viewer's country headers decide prices and licences in the services behind the gateway, so
 * they pass only from the CDN or load balancer in front of it, never from a client directly.
 */
class EdgeCountryHeadersTest {

    private final FrontDoorFilter frontDoor = new FrontDoorFilter(new EdgeProperties(List.of(), DataSize.ofMegabytes(1),
            null, null, Duration.ofSeconds(30)), new ClientAddress("10\\.0\\.0\\.7"));

    private HttpHeaders passedOn(String peer) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/transactions")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("CF-IPCountry", "PG").header("X-Country", "PG").header("X-Film-Hint", "kept"));
        AtomicReference<HttpHeaders> seen = new AtomicReference<>();
        frontDoor.filter(exchange, next -> {
            seen.set(next.getRequest().getHeaders());
            return Mono.empty();
        }).block(Duration.ofSeconds(5));
        return seen.get();
    }

    @Test
    void aTrustedProxysCountryHeadersReachTheServices() {
        HttpHeaders headers = passedOn("10.0.0.7");

        assertThat(headers.getFirst("CF-IPCountry")).isEqualTo("PG");
        assertThat(headers.getFirst("X-Country")).isEqualTo("PG");
    }

    @Test
    void aClientCannotChooseItsOwnCountry() {
        HttpHeaders headers = passedOn("203.0.113.9");

        assertThat(headers.getFirst("CF-IPCountry")).isNull();
        assertThat(headers.getFirst("X-Country")).isNull();
        assertThat(headers.getFirst("X-Film-Hint")).isEqualTo("kept");
    }
}
