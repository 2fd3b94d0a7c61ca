package com.thewans.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** The plumbing both sandboxes share: a loopback server, daemon threads, reading and answering. */
final class HttpIO {

    private HttpIO() {
    }

    /**
     * Loopback, so a developer's sandbox is never reachable from the network; a container (compose)
     * sets SANDBOX_BIND_ADDRESS=0.0.0.0 so the services in the other containers can call it.
     */
    private static final String BIND_ADDRESS = System.getenv().getOrDefault("SANDBOX_BIND_ADDRESS", "127.0.0.1");

    static HttpServer loopbackServer(int port, HttpHandler handler, ExecutorService executor) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(BIND_ADDRESS, port), 64);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on " + BIND_ADDRESS + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Daemon threads, so a sandbox someone forgot to close never keeps a JVM alive. */
    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static ExecutorService requestThreads(String name) {
        return Executors.newFixedThreadPool(4, daemonThreads(name));
    }

    static ScheduledExecutorService timers(String name) {
        return Executors.newScheduledThreadPool(2, daemonThreads(name));
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
    }

    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null || body.isEmpty()) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
