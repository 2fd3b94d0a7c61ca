package com.thewans.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who is on the other end. Behind the ingress every connection comes from the ingress, so the client
 * is the last address it appended to X-Forwarded-For; that header is believed only when the direct
 * peer is a trusted proxy (the same trusted-proxies pattern the routes use), otherwise anyone could
 * pick their own rate-limit bucket by sending one.
 */
@Component
public class ClientAddress {

    private final Pattern trustedProxies;

    public ClientAddress(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
    }

    public String of(ServerHttpRequest request) {
        String peer = peer(request);
        if (!fromTrustedProxy(request)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
        if (forwarded.isEmpty()) {
            return peer;
        }
        String last = forwarded.get(forwarded.size() - 1);
        String[] hops = last.split(",");
        String client = hops[hops.length - 1].trim();
        return client.isEmpty() || client.length() > 64 ? peer : client;
    }

    /** True when the direct peer is a proxy we trust to tell us about the client. */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        return trustedProxies != null && trustedProxies.matcher(peer(request)).matches();
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
