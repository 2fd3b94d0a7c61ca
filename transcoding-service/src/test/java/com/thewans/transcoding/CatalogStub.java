package com.thewans.transcoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * catalog-service at its HTTP boundary: GET /api/films/{id} answers {id, creatorId, status} for
 * films a test registered, 404 problem JSON otherwise. Started once per JVM; its port reaches the
 * application as {@code wans.test.catalog-port}.
 */
public final class CatalogStub {

    private static CatalogStub instance;
    private final HttpServer server;
    private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();
    private final Map<UUID, String> lastAuthorization = new ConcurrentHashMap<>();

    private CatalogStub(HttpServer server) {
        this.server = server;
    }

    public static synchronized CatalogStub get() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                CatalogStub stub = new CatalogStub(server);
                server.createContext("/api/films/", exchange -> {
                    String id = exchange.getRequestURI().getPath().substring("/api/films/".length());
                    UUID filmId;
                    try {
                        filmId = UUID.fromString(id);
                    } catch (IllegalArgumentException e) {
                        filmId = null;
                    }
                    UUID owner = filmId == null ? null : stub.owners.get(filmId);
                    if (filmId != null) {
                        String auth = exchange.getRequestHeaders().getFirst("Authorization");
                        stub.lastAuthorization.put(filmId, auth == null ? "" : auth);
                    }
                    byte[] body;
                    if (owner == null) {
                        body = "{\"type\":\"https://thewans.com/problems/film-not-found\",\"status\":404}"
                                .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                        exchange.sendResponseHeaders(404, body.length);
                    } else {
                        body = ("{\"id\":\"" + filmId + "\",\"title\":\"Test film\",\"creatorId\":\"" + owner
                                + "\",\"status\":\"DRAFT\",\"genres\":[]}").getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, body.length);
                    }
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.setExecutor(Executors.newFixedThreadPool(4));
                server.start();
                System.setProperty("wans.test.catalog-port", String.valueOf(server.getAddress().getPort()));
                instance = stub;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** A film owned by {@code creatorId}, as catalog would know it. */
    public UUID film(UUID creatorId) {
        UUID filmId = UUID.randomUUID();
        owners.put(filmId, creatorId);
        return filmId;
    }

    public String lastAuthorizationFor(UUID filmId) {
        return lastAuthorization.get(filmId);
    }
}
