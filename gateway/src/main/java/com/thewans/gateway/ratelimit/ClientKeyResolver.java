package com.thewans.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

import com.thewans.gateway.edge.ClientAddress;
import com.thewans.gateway.security.EdgeAuthenticationFilter;

import reactor.core.publisher.Mono;

/** A signed-in caller is limited as a person (across devices and addresses), anyone else by address. */
public class ClientKeyResolver implements KeyResolver {

    private final ClientAddress clientAddress;

    ClientKeyResolver(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** The bucket's key: the verified user, once the token has been verified, else the client's address. */
    public String keyOf(ServerWebExchange exchange) {
        return EdgeAuthenticationFilter.user(exchange)
                .map(user -> "user:" + user.userId())
                .orElseGet(() -> "ip:" + clientAddress.of(exchange.getRequest()));
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return Mono.just(keyOf(exchange));
    }
}
