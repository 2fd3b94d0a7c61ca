package com.thewans.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.thewans.testkit.TestInfrastructure;
import com.thewans.testkit.TestTokens;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one platform service: answers every request with JSON naming itself and echoing
 * method, path and body, and records what it received (headers included). A request to a path
 * ending in {@code /missing} gets the service's own 404 problem, to check that the gateway passes
 * service errors through untouched.
 */
final class FakeService implements AutoCloseable {

    record Received(String method, String pathAndQuery, Headers headers, String body) {
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeService(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    static FakeService start(String name) {
        try {
            return new FakeService(name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start fake " + name, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String name() {
        return name;
    }

    List<Received> received() {
        return received;
    }

    void forget() {
        received.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        received.add(new Received(exchange.getRequestMethod(), pathAndQuery, exchange.getRequestHeaders(), body));

        String path = exchange.getRequestURI().getPath();
        int status;
        String json;
        if (path.endsWith("/missing")) {
            status = 404;
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            json = "{\"type\":\"https://thewans.com/problems/film-not-found\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"code\":\"film-not-found\",\"service\":\"" + name + "\"}";
        } else {
            status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Answered-By", name);
            json = path.endsWith("/large")
                    ? "{\"service\":\"" + name + "\",\"poster\":\"" + "x".repeat(100 * 1024) + "\"}"
                    : "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
                            + pathAndQuery + "\",\"body\":\"" + body.replace("\"", "\\\"") + "\"}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        // 0: chunked, length unknown
        exchange.sendResponseHeaders(status, path.endsWith("/chunked") ? 0 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Starts (once per map) a fake for every service and points the gateway at them, at the test Redis
     * and at the test JWKS, so tokens from {@link TestTokens} verify.
     */
    static void standInForEveryService(Map<String, FakeService> services, DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> TestInfrastructure.get().redisUrl());
        registry.add("wans.security.jwks-uri", () -> TestTokens.jwksFile().toUri().toString());
        for (String service : shortNames().values()) {
            FakeService fake = services.computeIfAbsent(service, FakeService::start);
            registry.add(urlVariable(service), fake::url);
        }
    }

    /** Environment variable naming the service's URL in application.yml, e.g. CATALOG_URL. */
    static String urlVariable(String service) {
        return service.substring(0, service.indexOf('-')).toUpperCase(java.util.Locale.ROOT) + "_URL";
    }

    static Map<String, String> shortNames() {
        return Map.of("identity", "identity-service", "catalog", "catalog-service", "rights", "rights-service",
                "payment", "payment-service", "playback", "playback-service", "transcoding", "transcoding-service",
                "recommendation", "recommendation-service", "advertising", "advertising-service",
                "royalty", "royalty-service", "notification", "notification-service");
    }
}
