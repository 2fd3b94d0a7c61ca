package com.thewans.advertising;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** catalog-service's genre list, as advertising reads it to check targeting (catalog's real JSON shape). */
public final class PlatformStub {

    private static final PlatformStub INSTANCE = new PlatformStub();

    private final HttpServer server;

    private PlatformStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/genres", this::genres);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        // read by @AdsServiceTest's properties, so every test class shares one application context
        System.setProperty("wans.test.platform-url", url());
    }

    public static PlatformStub get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void genres(HttpExchange exchange) throws IOException {
        byte[] body = """
                [{"id":"0b0a3c1e-0000-4000-8000-000000000001","slug":"drama","name":"Drama"},
                 {"id":"0b0a3c1e-0000-4000-8000-000000000002","slug":"comedy","name":"Comedy"},
                 {"id":"0b0a3c1e-0000-4000-8000-000000000003","slug":"documentary","name":"Documentary"}]"""
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
