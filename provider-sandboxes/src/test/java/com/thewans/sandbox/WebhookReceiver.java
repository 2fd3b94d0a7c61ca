package com.thewans.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The tests' endpoint for webhooks and callbacks: a JDK server that records what arrives. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived; header names are lower case. */
    record Received(String method, String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The {@code type} of a Stripe event body. */
        String eventType() {
            return Json.read(body).path("type").asString();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next {@code count} requests are answered 500, as a failing endpoint would. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> events(String type) {
        return received.stream().filter(request -> request.eventType().equals(type)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        boolean fail = failuresLeft.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
        if (!fail) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        }
        exchange.sendResponseHeaders(fail ? 500 : 200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
