package com.thewans.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The other services' HTTP sides as playback reads them, with their real JSON (and fields playback
 * does not read): identity's service tokens and profile, rights' access check, availability and
 * rental start, payment's subscriptions and plans, transcoding's SERVICE-only content keys.
 */
public final class PlatformStub {

    private static final PlatformStub INSTANCE = new PlatformStub();
    public static final String SERVICE_TOKEN_PREFIX = "stub-service-token-";

    private final HttpServer server;
    private final Map<UUID, String> accessByFilm = new ConcurrentHashMap<>();
    private final Map<UUID, String> offersByFilm = new ConcurrentHashMap<>();
    private final Map<UUID, String> subscriptionsByUser = new ConcurrentHashMap<>();
    private final Map<UUID, byte[]> keysByFilm = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> rentalsStarted = new ConcurrentHashMap<>();
    private final Queue<String> keyAuthorizations = new ConcurrentLinkedQueue<>();
    private final Queue<String> rentalAuthorizations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger serviceTokensIssued = new AtomicInteger();
    private final AtomicInteger keyRequests = new AtomicInteger();
    private volatile String profileCountry = "PG";
    private volatile boolean rightsDown;
    private volatile boolean transcodingDown;

    private PlatformStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/auth/service-token", this::serviceToken);
        server.createContext("/api/profile", this::profile);
        server.createContext("/api/entitlements/check", this::check);
        server.createContext("/api/entitlements/internal/", this::rentalStarted);
        server.createContext("/api/availability/", this::availability);
        server.createContext("/api/subscriptions/user/", this::subscriptions);
        server.createContext("/api/plans/", this::plan);
        server.createContext("/api/transcode/internal/keys/", this::key);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.setProperty("wans.test.platform-url", url());
    }

    public static PlatformStub get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** rights says the viewer may watch the film under {@code via} (an entitlement kind, or AVOD). */
    public void allow(UUID filmId, String via, UUID windowId, UUID entitlementId, Instant until, Instant startBy) {
        accessByFilm.put(filmId, """
                {"userId":"%s","filmId":"%s","territory":"PG","checkedAt":"2026-12-07T00:00:00Z","allowed":true,
                 "withAds":%s,"via":"%s","windowId":"%s"%s%s%s,"reasons":[]}""".formatted(UUID.randomUUID(), filmId,
                "AVOD".equals(via), via, windowId, entitlementId == null ? "" : ",\"entitlementId\":\"" + entitlementId
                        + "\"", until == null ? "" : ",\"until\":\"" + until + "\"",
                startBy == null ? "" : ",\"startBy\":\"" + startBy + "\""));
    }

    /** rights refuses, with these reasons (rights' Reason JSON objects), and availability lists these offers. */
    public void refuse(UUID filmId, String reasons, String offers) {
        accessByFilm.put(filmId, """
                {"userId":"%s","filmId":"%s","territory":"PG","checkedAt":"2026-12-07T00:00:00Z","allowed":false,
                 "withAds":false,"reasons":[%s]}""".formatted(UUID.randomUUID(), filmId, reasons));
        offersByFilm.put(filmId, offers);
    }

    /** The viewer has a live subscription to this plan (basic: 1 stream 480p; standard: 2, 1080p; premium-yearly: 4, 2160p). */
    public void subscribe(UUID userId, String plan) {
        subscriptionsByUser.put(userId, """
                [{"id":"%s","userId":"%s","plan":"%s","price":{"amount":2900,"currency":"PGK"},"status":"ACTIVE",
                  "paidBy":"stripe","cancelAtPeriodEnd":false},
                 {"id":"%s","userId":"%s","plan":"premium-yearly","status":"EXPIRED","paidBy":"stripe"}]"""
                .formatted(UUID.randomUUID(), userId, plan, UUID.randomUUID(), userId));
    }

    public byte[] keyOf(UUID filmId) {
        return keysByFilm.computeIfAbsent(filmId, id -> {
            byte[] key = new byte[16];
            new java.security.SecureRandom().nextBytes(key);
            return key;
        });
    }

    public static byte[] keyIdOf(UUID filmId) {
        return HexFormat.of().parseHex(filmId.toString().replace("-", ""));
    }

    public void profileCountry(String country) {
        this.profileCountry = country;
    }

    public void rightsDown(boolean down) {
        this.rightsDown = down;
    }

    public void transcodingDown(boolean down) {
        this.transcodingDown = down;
    }

    public Map<UUID, Instant> rentalsStarted() {
        return rentalsStarted;
    }

    public Queue<String> keyAuthorizations() {
        return keyAuthorizations;
    }

    public Queue<String> rentalAuthorizations() {
        return rentalAuthorizations;
    }

    public int keyRequests() {
        return keyRequests.get();
    }

    private void serviceToken(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.contains("\"clientId\":\"playback-service\"") || !body.contains("\"clientSecret\"")) {
            respond(exchange, 401, "{\"status\":401,\"code\":\"invalid-client\"}");
            return;
        }
        Instant expires = Instant.now().plus(Duration.ofDays(1));
        respond(exchange, 200, """
                {"tokenType":"Bearer","accessToken":"%s%d","expiresIn":86400,"accessTokenExpiresAt":"%s"}"""
                .formatted(SERVICE_TOKEN_PREFIX, serviceTokensIssued.incrementAndGet(), expires));
    }

    private void profile(HttpExchange exchange) throws IOException {
        String country = profileCountry;
        respond(exchange, 200, """
                {"userId":"%s","displayName":"Viewer","country":%s,"language":"en"}""".formatted(UUID.randomUUID(),
                country == null ? "null" : "\"" + country + "\""));
    }

    private void check(HttpExchange exchange) throws IOException {
        if (rightsDown) {
            respond(exchange, 503, "{\"status\":503,\"code\":\"service-unavailable\"}");
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        UUID filmId = UUID.fromString(param(query, "filmId"));
        String access = accessByFilm.get(filmId);
        respond(exchange, 200, access != null ? access : """
                {"filmId":"%s","allowed":false,"withAds":false,"reasons":[{"code":"NO_WINDOW_IN_TERRITORY",
                 "detail":"Not offered in %s"}]}""".formatted(filmId, param(query, "territory")));
    }

    private void availability(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/availability/".length());
        String offers = offersByFilm.getOrDefault(UUID.fromString(id), "");
        respond(exchange, 200, """
                {"filmId":"%s","territory":"PG","asOf":"2026-12-07T00:00:00Z","available":%s,"offers":[%s],
                 "upcoming":[]}""".formatted(id, !offers.isEmpty(), offers));
    }

    private void rentalStarted(HttpExchange exchange) throws IOException {
        rentalAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String path = exchange.getRequestURI().getPath();
        UUID id = UUID.fromString(path.substring("/api/entitlements/internal/".length(), path.lastIndexOf('/')));
        Instant started = rentalsStarted.computeIfAbsent(id, x -> Instant.now());
        respond(exchange, 200, """
                {"id":"%s","kind":"RENTAL","status":"ACTIVE","startedAt":"%s","validUntil":"%s"}""".formatted(id,
                started, started.plus(Duration.ofHours(48))));
    }

    private void subscriptions(HttpExchange exchange) throws IOException {
        UUID userId = UUID.fromString(exchange.getRequestURI().getPath().substring("/api/subscriptions/user/".length()));
        respond(exchange, 200, subscriptionsByUser.getOrDefault(userId, "[]"));
    }

    private void plan(HttpExchange exchange) throws IOException {
        String code = exchange.getRequestURI().getPath().substring("/api/plans/".length());
        String plan = switch (code) {
            case "basic" -> planJson(code, 1, "480p", true);
            case "standard" -> planJson(code, 2, "1080p", false);
            case "premium-yearly" -> planJson(code, 4, "2160p", false);
            default -> null;
        };
        if (plan == null) {
            respond(exchange, 404, "{\"status\":404,\"code\":\"plan-not-found\"}");
        } else {
            respond(exchange, 200, plan);
        }
    }

    private static String planJson(String code, int streams, String quality, boolean ads) {
        return """
                {"code":"%s","name":"%s","description":"A plan","interval":"MONTH","trialDays":7,"maxStreams":%d,
                 "maxQuality":"%s","withAds":%s,"prices":[{"amount":1500,"currency":"PGK"}],"retiredAt":null}"""
                .formatted(code, code, streams, quality, ads);
    }

    private void key(HttpExchange exchange) throws IOException {
        keyRequests.incrementAndGet();
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        keyAuthorizations.add(authorization);
        if (transcodingDown) {
            respond(exchange, 503, "{\"status\":503,\"code\":\"service-unavailable\"}");
            return;
        }
        if (!authorization.startsWith("Bearer " + SERVICE_TOKEN_PREFIX)) {
            respond(exchange, 403, "{\"status\":403,\"code\":\"forbidden\"}");
            return;
        }
        UUID filmId = UUID.fromString(exchange.getRequestURI().getPath()
                .substring("/api/transcode/internal/keys/".length()));
        byte[] key = keysByFilm.get(filmId);
        if (key == null) {
            respond(exchange, 404, "{\"status\":404,\"code\":\"content-key-not-found\"}");
            return;
        }
        respond(exchange, 200, """
                {"filmId":"%s","keyId":"%s","keyHex":"%s","keyBase64":"%s","kidHex":"%s","method":"AES-128"}"""
                .formatted(filmId, filmId, HexFormat.of().formatHex(key),
                        java.util.Base64.getEncoder().encodeToString(key), HexFormat.of().formatHex(keyIdOf(filmId))));
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
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
