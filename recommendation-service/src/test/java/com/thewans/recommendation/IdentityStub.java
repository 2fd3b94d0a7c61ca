package com.thewans.recommendation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * identity-service's profile endpoint as recommendation reads it, with its real JSON (and fields
 * recommendation ignores): the caller's own profile, found by the subject of the bearer token.
 */
public final class IdentityStub {

    private static final IdentityStub INSTANCE = new IdentityStub();

    private final HttpServer server;
    private final Map<UUID, String> profiles = new ConcurrentHashMap<>();
    private final AtomicInteger profileReads = new AtomicInteger();
    private volatile boolean down;

    private IdentityStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/profile", this::profile);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.setProperty("wans.test.identity-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static IdentityStub get() {
        return INSTANCE;
    }

    /** The viewer's profile says this country, language and maturity limit. */
    public void profile(UUID userId, String country, String language, String maturityLimit, String... genres) {
        String genreList = String.join("\",\"", genres);
        profiles.put(userId, """
                {"userId":"%s","displayName":"Viewer","avatarKey":null,"country":"%s","language":"%s",
                 "preferredGenres":[%s],"maturityLimit":"%s","updatedAt":"2026-12-01T00:00:00Z"}"""
                .formatted(userId, country, language, genres.length == 0 ? "" : "\"" + genreList + "\"",
                        maturityLimit));
    }

    public void down(boolean down) {
        this.down = down;
    }

    public int profileReads() {
        return profileReads.get();
    }

    private void profile(HttpExchange exchange) throws IOException {
        profileReads.incrementAndGet();
        if (down) {
            answer(exchange, 503, "{\"code\":\"unavailable\"}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        UUID user = auth == null ? null : subject(auth.substring("Bearer ".length()));
        String profile = user == null ? null : profiles.get(user);
        if (profile == null) {
            answer(exchange, 404, "{\"code\":\"profile-not-found\"}");
        } else {
            answer(exchange, 200, profile);
        }
    }

    private static UUID subject(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(payload.replaceAll(".*\"sub\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
