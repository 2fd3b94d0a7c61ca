package com.thewans.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for an SMS provider with Twilio's Messages API shape:
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} (form fields {@code To}, {@code From},
 * {@code Body}; HTTP Basic with the account sid and auth token) answered 201 with the message's
 * {@code sid}, and Twilio's error body ({@code code}, {@code message}, {@code status}) otherwise.
 * Twilio's magic test numbers behave as they do there: {@code +15005550001} is invalid (21211) and
 * {@code +15005550009} cannot receive SMS (21614). Every accepted message is recorded: tests and
 * the system tests read them with {@link #messages()} or {@code GET /sandbox/messages?to=...}.
 * {@link #failNext} makes the next requests answer a server error, as an outage would. Local runs
 * and tests only.
 */
public final class SmsSandbox implements AutoCloseable {

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    public static final String INVALID_NUMBER = "+15005550001";
    public static final String NOT_MOBILE_NUMBER = "+15005550009";

    /** One text the sandbox accepted. */
    public record Message(String sid, String to, String from, String body, Instant receivedAt) {
    }

    /**
     * @param port       the loopback port; 0 picks a free one
     * @param accountSid the account sid (Basic user name and path segment)
     * @param authToken  the auth token (Basic password)
     */
    public record Settings(int port, String accountSid, String authToken) {

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            if (accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank()) {
                throw new IllegalArgumentException("the SMS sandbox needs an account sid and an auth token");
            }
        }

        public static Settings localDefaults() {
            return new Settings(0, SandboxDefaults.SMS_ACCOUNT_SID, SandboxDefaults.SMS_AUTH_TOKEN);
        }

        public Settings withPort(int port) {
            return new Settings(port, accountSid, authToken);
        }
    }

    private final Settings settings;
    private final ExecutorService requestThreads = HttpIO.requestThreads("sms-sandbox");
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus = 503;
    private final HttpServer server;

    private SmsSandbox(Settings settings) {
        this.settings = settings;
        this.server = HttpIO.loopbackServer(settings.port(), this::handle, requestThreads);
    }

    public static SmsSandbox start(Settings settings) {
        return new SmsSandbox(settings);
    }

    /** On a free port with the local development credentials. */
    public static SmsSandbox start() {
        return start(Settings.localDefaults());
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Settings settings() {
        return settings;
    }

    /** Every message accepted so far, oldest first. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> messagesTo(String number) {
        return messages.stream().filter(m -> m.to().equals(number)).toList();
    }

    /** The next {@code count} requests answer {@code status} (503, 429, 500) with Twilio's error body. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    public void clear() {
        messages.clear();
        failures.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (method.equals("GET") && path.equals("/sandbox/messages")) {
                String to = query(exchange).get("to");
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (Message m : to == null ? messages() : messagesTo(to)) {
                    list.add(json(m));
                }
                HttpIO.send(exchange, 200, "application/json", Json.write(list), Map.of());
                return;
            }
            Matcher matcher = MESSAGES.matcher(path);
            if (!method.equals("POST") || !matcher.matches()) {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
                return;
            }
            if (!authorized(exchange, matcher.group(1))) {
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                error(exchange, failureStatus, failureStatus == 429 ? 20429 : 20500,
                        failureStatus == 429 ? "Too Many Requests" : "Internal Server Error");
                return;
            }
            Map<String, String> form = form(HttpIO.body(exchange));
            String to = form.get("To");
            String body = form.get("Body");
            if (to == null || !E164.matcher(to).matches() || to.equals(INVALID_NUMBER)) {
                error(exchange, 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
                return;
            }
            if (to.equals(NOT_MOBILE_NUMBER)) {
                error(exchange, 400, 21614, "'To' number is not a valid mobile number");
                return;
            }
            if (body == null || body.isEmpty()) {
                error(exchange, 400, 21602, "Message body is required.");
                return;
            }
            if (body.length() > 1600) {
                error(exchange, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
                return;
            }
            Message message = new Message("SM" + UUID.randomUUID().toString().replace("-", ""), to,
                    form.getOrDefault("From", ""), body, Instant.now());
            messages.add(message);
            ObjectNode answer = json(message);
            answer.put("account_sid", settings.accountSid());
            answer.put("status", "queued");
            answer.put("num_segments", String.valueOf((body.length() + 152) / 153));
            HttpIO.send(exchange, 201, "application/json", Json.write(answer), Map.of());
        } catch (RuntimeException e) {
            error(exchange, 400, 21000, "Bad request: " + e.getMessage());
        }
    }

    private boolean authorized(HttpExchange exchange, String pathSid) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        return pathSid.equals(settings.accountSid())
                && decoded.equals(settings.accountSid() + ":" + settings.authToken());
    }

    private static ObjectNode json(Message m) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sid", m.sid());
        node.put("to", m.to());
        node.put("from", m.from());
        node.put("body", m.body());
        node.put("date_created", m.receivedAt().toString());
        return node;
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("code", code);
        node.put("message", message);
        node.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        node.put("status", status);
        HttpIO.send(exchange, status, "application/json", Json.write(node), Map.of());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new HashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : form(raw);
    }

    /** Runs on its own until stopped: {@code --port=N}, else SMS_SANDBOX_PORT, else 12113. */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("SMS_SANDBOX_PORT",
                String.valueOf(SandboxDefaults.SMS_PORT)));
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        SmsSandbox sandbox = start(Settings.localDefaults().withPort(port));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sms-sandbox-stop"));
        System.out.println("SMS sandbox  " + sandbox.url() + "  (local development account "
                + SandboxDefaults.SMS_ACCOUNT_SID + "; messages at " + sandbox.url() + "/sandbox/messages)");
        Thread.currentThread().join();
    }
}
