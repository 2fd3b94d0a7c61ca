package com.thewans.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * rights-service's and identity-service's HTTP side, as payment reads them: availability with
 * offers and prices (rights' JSON, with fields payment does not read) and the viewer's profile.
 */
public final class PlatformStub {

    private static final PlatformStub INSTANCE = new PlatformStub();

    private final HttpServer server;
    private final Map<UUID, String> offersByFilm = new ConcurrentHashMap<>();
    private volatile String profileCountry = "PG";

    private PlatformStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/availability/", this::availability);
        server.createContext("/api/profile", this::profile);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public static PlatformStub get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A film on sale to rent in any territory for K 9.90 or US$ 2.99 through a TVOD window. */
    public UUID filmForRent() {
        return film("""
                {"windowId": "%s", "windowType": "TVOD", "offer": "RENT", "streamable": true,
                 "prices": [{"amount": 990, "currency": "PGK", "display": "K 9.90"},
                            {"amount": 299, "currency": "USD", "display": "US$ 2.99"}],
                 "rental": {"startWithinDays": 30, "watchWithinHours": 48},
                 "startsAt": "2026-01-01T00:00:00Z", "endsAt": null}""".formatted(UUID.randomUUID()));
    }

    /** A film with these offers (rights' Offer JSON objects). */
    public UUID film(String... offers) {
        UUID filmId = UUID.randomUUID();
        offersByFilm.put(filmId, String.join(",", offers));
        return filmId;
    }

    /** The window id rights sells a film's first offer through. */
    public UUID windowOf(UUID filmId) {
        String json = offersByFilm.get(filmId);
        int at = json.indexOf("\"windowId\": \"") + 13;
        return UUID.fromString(json.substring(at, at + 36));
    }

    public void profileCountry(String country) {
        this.profileCountry = country;
    }

    private void availability(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/availability/".length());
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        String territory = query.startsWith("territory=") ? query.substring(10) : "PG";
        String offers;
        try {
            offers = offersByFilm.getOrDefault(UUID.fromString(id), "");
        } catch (IllegalArgumentException e) {
            offers = "";
        }
        // rights answers for any film id; one it has no window for has nothing on sale
        respond(exchange, 200, """
                {"filmId": "%s", "territory": "%s", "asOf": "2026-12-06T00:00:00Z", "available": %s,
                 "offers": [%s], "upcoming": []}""".formatted(id, territory, !offers.isEmpty(), offers));
    }

    private void profile(HttpExchange exchange) throws IOException {
        String country = profileCountry;
        respond(exchange, 200, """
                {"userId": "%s", "displayName": "Viewer", "country": %s, "language": "en"}""".formatted(UUID.randomUUID(),
                country == null ? "null" : "\"" + country + "\""));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
