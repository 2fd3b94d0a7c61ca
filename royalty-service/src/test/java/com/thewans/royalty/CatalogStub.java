package com.thewans.royalty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * catalog-service at its HTTP boundary: GET /api/films/{id} answers the films a test registered
 * (catalog's JSON, with fields rights does not read), 404 problems for others, 503 when "down".
 */
public final class CatalogStub {

    private static final CatalogStub INSTANCE = new CatalogStub();

    private final HttpServer server;
    private final Map<UUID, UUID> creatorsByFilm = new ConcurrentHashMap<>();
    private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
    private volatile boolean down;

    private CatalogStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/films/", this::film);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        // read by RoyaltyServiceTest's properties, so every test class shares one application context
        System.setProperty("wans.test.catalog-port", String.valueOf(server.getAddress().getPort()));
    }

    public static CatalogStub get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A film the catalog knows, made by this creator. */
    public UUID film(UUID creatorId) {
        UUID filmId = UUID.randomUUID();
        creatorsByFilm.put(filmId, creatorId);
        return filmId;
    }

    public UUID film() {
        return film(UUID.randomUUID());
    }

    public void down(boolean down) {
        this.down = down;
    }

    public Queue<String> authorizations() {
        return authorizations;
    }

    private void film(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (down) {
            respond(exchange, 503, "{\"status\":503,\"code\":\"service-unavailable\"}");
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/api/films/".length());
        UUID filmId;
        try {
            filmId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "{\"status\":400,\"code\":\"validation-failed\"}");
            return;
        }
        UUID creator = creatorsByFilm.get(filmId);
        if (creator == null) {
            respond(exchange, 404, "{\"status\":404,\"code\":\"film-not-found\"}");
            return;
        }
        respond(exchange, 200, """
                {"id":"%s","creatorId":"%s","status":"PUBLISHED","title":"Mother of Pearl","minutes":95,
                 "genres":["drama"],"version":3}""".formatted(filmId, creator));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
