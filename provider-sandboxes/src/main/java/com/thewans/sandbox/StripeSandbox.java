package com.thewans.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Stripe's API v1: customers, PaymentIntents with Stripe's test cards,
 * refunds, Stripe Billing (products, prices, subscriptions, invoices, test clocks), Stripe's error
 * bodies and idempotency keys, and events POSTed to a webhook endpoint with a {@code Stripe-Signature}
 * that stripe-java's {@code Webhook.constructEvent} accepts. Point stripe-java at {@link #url()}
 * with {@code setApiBase}. For local runs and tests only.
 */
public final class StripeSandbox implements AutoCloseable {

    /**
     * The API version the events carry: the one stripe-java 33.3.0 pins ({@code
     * com.stripe.Stripe.API_VERSION}), so its event deserializer takes the sandbox's events.
     */
    public static final String API_VERSION = "2026-07-29.dahlia";

    /**
     * How a sandbox runs.
     *
     * @param port                     the loopback port; 0 picks a free one
     * @param secretKey                the only API key it accepts ({@code Authorization: Bearer ...})
     * @param webhookSecret            the endpoint signing secret ({@code whsec_...}) events are signed with
     * @param webhookTarget            where events are POSTed; null until {@link #setWebhookTarget(URI)}
     * @param clock                    the time of {@code created} and of signatures
     * @param webhookAttempts          tries per event before it is given up (Stripe tries for days)
     * @param webhookFirstRetryPause   the pause after the first failed try, doubled after each one
     * @param webhookLongestRetryPause the longest pause between tries
     */
    public record Settings(int port, String secretKey, String webhookSecret, URI webhookTarget, Clock clock,
                           int webhookAttempts, Duration webhookFirstRetryPause, Duration webhookLongestRetryPause) {

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            if (secretKey == null || secretKey.isBlank() || webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalArgumentException("the Stripe sandbox needs a secret key and a webhook signing secret");
            }
            if (webhookAttempts < 1) {
                throw new IllegalArgumentException("webhookAttempts must be at least 1: " + webhookAttempts);
            }
            clock = clock == null ? Clock.systemUTC() : clock;
            webhookFirstRetryPause = Objects.requireNonNullElse(webhookFirstRetryPause, Duration.ofMillis(200));
            webhookLongestRetryPause = Objects.requireNonNullElse(webhookLongestRetryPause, Duration.ofSeconds(2));
        }

        /** A free port, the local development keys, no webhook endpoint yet, 5 tries 0.2 s..2 s apart. */
        public static Settings localDefaults() {
            return new Settings(0, SandboxDefaults.STRIPE_SECRET_KEY, SandboxDefaults.STRIPE_WEBHOOK_SECRET, null,
                    Clock.systemUTC(), 5, Duration.ofMillis(200), Duration.ofSeconds(2));
        }

        public Settings withPort(int port) {
            return new Settings(port, secretKey, webhookSecret, webhookTarget, clock, webhookAttempts,
                    webhookFirstRetryPause, webhookLongestRetryPause);
        }

        public Settings withKeys(String secretKey, String webhookSecret) {
            return new Settings(port, secretKey, webhookSecret, webhookTarget, clock, webhookAttempts,
                    webhookFirstRetryPause, webhookLongestRetryPause);
        }

        public Settings withWebhookTarget(URI webhookTarget) {
            return new Settings(port, secretKey, webhookSecret, webhookTarget, clock, webhookAttempts,
                    webhookFirstRetryPause, webhookLongestRetryPause);
        }

        public Settings withClock(Clock clock) {
            return new Settings(port, secretKey, webhookSecret, webhookTarget, clock, webhookAttempts,
                    webhookFirstRetryPause, webhookLongestRetryPause);
        }

        public Settings withWebhookRetries(int attempts, Duration firstPause, Duration longestPause) {
            return new Settings(port, secretKey, webhookSecret, webhookTarget, clock, attempts, firstPause, longestPause);
        }
    }

    /**
     * An event the sandbox made, as it is POSTed.
     *
     * @param objectId the id of {@code data.object} (the payment intent, charge, refund or customer)
     * @param payload  the exact JSON body that is signed and sent
     */
    public record WebhookEvent(String id, String type, long created, String objectId, String payload) {
    }

    /**
     * One try at sending an event.
     *
     * @param attempt 1 for the first try; 0 when the sandbox dropped the event as asked
     * @param status  the endpoint's HTTP status, 0 when there was none
     * @param error   why the connection failed, or null
     */
    public record Delivery(String eventId, String eventType, int attempt, int status, String error) {

        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** An answer kept for an Idempotency-Key, with what it answered. */
    private record Saved(String endpoint, Map<String, Object> params, int status, String body) {
    }

    private final Settings settings;
    private final StripeWebhooks webhooks;
    private final StripeApi api;
    private final ExecutorService requestThreads = HttpIO.requestThreads("stripe-sandbox");
    private final HttpServer server;
    private final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, WebhookEvent> eventsById = new HashMap<>();
    private final Map<String, String> orderingKeys = new HashMap<>();
    private final Map<String, Saved> idempotent = new HashMap<>();
    private String requestId;
    private String idempotencyKey;

    private StripeSandbox(Settings settings) {
        this.settings = settings;
        this.webhooks = new StripeWebhooks(settings);
        this.api = new StripeApi(settings.clock(), this::emit);
        this.server = HttpIO.loopbackServer(settings.port(), this::handle, requestThreads);
    }

    public static StripeSandbox start(Settings settings) {
        return new StripeSandbox(settings);
    }

    /** On a free port with the local development keys. */
    public static StripeSandbox start() {
        return start(Settings.localDefaults());
    }

    /** The API base for stripe-java's {@code setApiBase}, e.g. {@code http://127.0.0.1:12111}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Settings settings() {
        return settings;
    }

    /** Where events go from now on; events that waited for an endpoint are sent now. */
    public void setWebhookTarget(URI target) {
        webhooks.target(target);
    }

    /** Every event made so far, oldest first. */
    public List<WebhookEvent> events() {
        return List.copyOf(events);
    }

    public List<WebhookEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    /** Every try at sending an event so far, in the order they ended. */
    public List<Delivery> deliveries() {
        return webhooks.deliveries();
    }

    /** The next {@code count} events are made but never sent: a lost webhook, found only by asking the API. */
    public void dropNextWebhooks(int count) {
        webhooks.dropNext(count);
    }

    /** The next {@code count} events are each sent twice, as Stripe may. */
    public void duplicateNextWebhooks(int count) {
        webhooks.duplicateNext(count);
    }

    /** Sends an event once more, as the Dashboard's "Resend" does. */
    public void redeliver(String eventId) {
        WebhookEvent event;
        String key;
        synchronized (api) {
            event = eventsById.get(eventId);
            key = orderingKeys.get(eventId);
        }
        if (event == null) {
            throw new IllegalArgumentException("no event " + eventId);
        }
        webhooks.resend(key, event);
    }

    /**
     * Moves a test clock to {@code frozenTime} as {@code POST /v1/test_helpers/test_clocks/{id}/advance}
     * does, without HTTP: everything due on the way (trial ends, renewals, retries, cancellations)
     * is done, and its events are sent, before this returns.
     */
    public void advanceTestClock(String testClockId, Instant frozenTime) {
        synchronized (api) {
            requestId = null;
            idempotencyKey = null;
            try {
                api.billing().advanceTestClock(testClockId,
                        new Params(Map.of("frozen_time", String.valueOf(frozenTime.getEpochSecond()))));
            } catch (StripeFailure refused) {
                throw new IllegalArgumentException(refused.getMessage(), refused);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        webhooks.close();
    }

    // ---- one HTTP request

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Stripe-Version", API_VERSION);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        int status;
        String body;
        try {
            authorize(exchange.getRequestHeaders().getFirst("Authorization"));
            Map<String, Object> params = FormParams.parse(method.equals("GET") || method.equals("DELETE")
                    ? exchange.getRequestURI().getRawQuery() : HttpIO.body(exchange));
            synchronized (api) {
                api.billing().catchUp();
                requestId = "req_" + Ids.random(14);
                headers.put("Request-Id", requestId);
                idempotencyKey = method.equals("POST") ? key : null;
                Saved saved = idempotencyKey == null ? null : replay(idempotencyKey, method + " " + path, params);
                if (saved != null) {
                    headers.put("Idempotency-Key", key);
                    headers.put("Idempotent-Replayed", "true");
                    status = saved.status();
                    body = saved.body();
                } else {
                    Answer answer = answer(method, path, new Params(params));
                    status = answer.status;
                    body = answer.body;
                    if (idempotencyKey != null) {
                        headers.put("Idempotency-Key", key);
                        // Stripe keeps the result of a request that ran, successful or declined, not of one it refused
                        if (status == 200 || status == 402) {
                            idempotent.put(idempotencyKey, new Saved(method + " " + path, params, status, body));
                        }
                    }
                }
            }
        } catch (StripeFailure failure) {
            status = failure.status();
            body = Json.write(failure.body());
        } catch (RuntimeException unexpected) {
            status = 500;
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.put("message", "The Stripe sandbox failed: " + unexpected);
            error.put("type", "api_error");
            body = Json.write(StripeFailure.of(500, error).body());
        }
        headers.putIfAbsent("Request-Id", "req_" + Ids.random(14));
        HttpIO.send(exchange, status, "application/json", body, headers);
    }

    private record Answer(int status, String body) {
    }

    private Answer answer(String method, String path, Params params) {
        try {
            ObjectNode result = route(method, path, params);
            return new Answer(200, Json.write(result));
        } catch (StripeFailure failure) {
            return new Answer(failure.status(), Json.write(failure.body()));
        } catch (RuntimeException unexpected) {
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.put("message", "The Stripe sandbox failed: " + unexpected);
            error.put("type", "api_error");
            return new Answer(500, Json.write(StripeFailure.of(500, error).body()));
        }
    }

    private ObjectNode route(String method, String path, Params params) {
        String[] parts = path.replaceAll("/+$", "").split("/");
        Set<String> expand = new LinkedHashSet<>(params.strings("expand"));
        if (parts.length >= 3 && parts[1].equals("v1")) {
            boolean testHelper = parts[2].equals("test_helpers") && parts.length >= 4;
            // "test_helpers/test_clocks" is one resource whose paths are one segment longer
            int at = testHelper ? 3 : 2;
            String resource = testHelper ? "test_helpers/" + parts[3] : parts[2];
            String id = parts.length > at + 1 ? parts[at + 1] : null;
            String action = parts.length > at + 2 ? parts[at + 2] : null;
            refuseGoneExpansions(resource, expand);
            boolean post = method.equals("POST");
            boolean get = method.equals("GET");
            boolean delete = method.equals("DELETE");
            StripeBilling billing = api.billing();
            ObjectNode result = switch (parts.length - at) {
                case 1 -> switch (resource) {
                    case "customers" -> post ? api.createCustomer(params) : null;
                    case "payment_intents" -> post ? api.createPaymentIntent(params) : null;
                    case "refunds" -> post ? api.createRefund(params) : null;
                    case "products" -> post ? billing.createProduct(params) : null;
                    case "prices" -> post ? billing.createPrice(params) : get ? billing.listPrices(params) : null;
                    case "subscriptions" -> post ? billing.createSubscription(params)
                            : get ? billing.listSubscriptions(params) : null;
                    case "invoices" -> get ? billing.listInvoices(params) : null;
                    case "test_helpers/test_clocks" -> post ? billing.createTestClock(params) : null;
                    default -> null;
                };
                case 2 -> switch (resource) {
                    case "customers" -> get ? api.customer(id) : post ? api.updateCustomer(id, params) : null;
                    case "payment_intents" -> get ? api.paymentIntent(id) : post ? api.updatePaymentIntent(id, params) : null;
                    case "charges" -> get ? api.charge(id, expand) : null;
                    case "refunds" -> get ? api.refund(id) : null;
                    case "payment_methods" -> get ? api.paymentMethod(id) : null;
                    case "events" -> get ? event(id) : null;
                    case "products" -> get ? billing.product(id) : null;
                    case "prices" -> get ? billing.price(id) : null;
                    case "subscriptions" -> get ? billing.subscription(id) : post ? billing.updateSubscription(id, params)
                            : delete ? billing.cancelSubscription(id, params) : null;
                    case "invoices" -> get ? billing.invoice(id) : null;
                    case "test_helpers/test_clocks" -> get ? billing.testClock(id)
                            : delete ? billing.deleteTestClock(id) : null;
                    default -> null;
                };
                case 3 -> !post ? null : switch (resource + "/" + action) {
                    case "payment_intents/confirm" -> api.confirmPaymentIntent(id, params);
                    case "customers/balance_transactions" -> api.createBalanceTransaction(id, params);
                    case "payment_intents/cancel" -> api.cancelPaymentIntent(id, params);
                    case "payment_methods/attach" -> api.attachPaymentMethod(id, params);
                    case "payment_methods/detach" -> api.detachPaymentMethod(id);
                    case "invoices/pay" -> billing.payInvoice(id, params);
                    case "test_helpers/test_clocks/advance" -> billing.advanceTestClock(id, params);
                    default -> null;
                };
                default -> null;
            };
            if (result != null) {
                return api.expand(result, expand);
            }
        }
        throw StripeFailure.invalidRequest(404, null, null, "Unrecognized request URL (" + method + ": " + path
                + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.");
    }

    /**
     * Fields the pinned API version no longer has (removed in 2025-03-31.basil) that integrations
     * written for older versions still expand, by the resource a request is about. Stripe refuses
     * such a request; refusing it before anything is done keeps a refused create from creating.
     */
    private static final Map<String, List<String>> GONE_FIELDS = Map.of(
            "subscriptions", List.of("latest_invoice.payment_intent", "latest_invoice.charge",
                    "latest_invoice.subscription"),
            "invoices", List.of("payment_intent", "charge", "subscription"),
            "payment_intents", List.of("invoice"),
            "charges", List.of("invoice"));

    private static void refuseGoneExpansions(String resource, Set<String> expand) {
        for (String path : expand) {
            String inObject = path.startsWith("data.") ? path.substring("data.".length()) : path;
            for (String gone : GONE_FIELDS.getOrDefault(resource, List.of())) {
                if (inObject.equals(gone) || inObject.startsWith(gone + ".")) {
                    throw StripeFailure.invalid("expand", "This property cannot be expanded because it doesn't exist: "
                            + gone.substring(gone.lastIndexOf('.') + 1) + ".");
                }
            }
        }
    }

    private ObjectNode event(String id) {
        WebhookEvent event = eventsById.get(id);
        if (event == null) {
            throw StripeFailure.noSuch("event", id, "id");
        }
        return (ObjectNode) Json.read(event.payload());
    }

    private Saved replay(String key, String endpoint, Map<String, Object> params) {
        Saved saved = idempotent.get(key);
        if (saved == null) {
            return null;
        }
        if (!saved.endpoint().equals(endpoint)) {
            throw StripeFailure.idempotency("Keys for idempotent requests can only be used for the same endpoint they "
                    + "were first used for ('" + saved.endpoint() + "' vs '" + endpoint + "'). Try using a key other "
                    + "than '" + key + "' if you meant to execute a different request.");
        }
        if (!saved.params().equals(params)) {
            throw StripeFailure.idempotency("Keys for idempotent requests can only be used with the same parameters "
                    + "they were first used with. Try using a key other than '" + key + "' if you meant to execute a "
                    + "different request.");
        }
        return saved;
    }

    private void authorize(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw StripeFailure.invalidRequest(401, null, null, "You did not provide an API key. You need to provide "
                    + "your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
                    + "YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help "
                    + "at https://support.stripe.com/.");
        }
        String given;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // Stripe also takes the key as the Basic user name with no password
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                decoded = "";
            }
            given = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
        } else {
            given = authorization;
        }
        if (!given.equals(settings.secretKey())) {
            throw StripeFailure.invalidRequest(401, null, null, "Invalid API Key provided: " + redacted(given));
        }
    }

    private static String redacted(String key) {
        if (key.length() <= 12) {
            return "*".repeat(key.length());
        }
        return key.substring(0, 8) + "*".repeat(key.length() - 12) + key.substring(key.length() - 4);
    }

    // ---- events

    /** Called by the API under the lock, so events are numbered and queued in the order they happen. */
    private void emit(String type, String orderingKey, ObjectNode object, ObjectNode previousAttributes,
                      boolean automatic) {
        long created = settings.clock().instant().getEpochSecond();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        String id = Ids.stripe("evt");
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", created);
        ObjectNode data = event.putObject("data");
        data.set("object", object);
        if (previousAttributes != null) {
            data.set("previous_attributes", previousAttributes);
        }
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        // what Stripe does on its own (a renewal, a retry) was asked by no request
        request.put("id", automatic ? null : requestId);
        request.put("idempotency_key", automatic ? null : idempotencyKey);
        event.put("type", type);
        WebhookEvent made = new WebhookEvent(id, type, created, object.path("id").asString(), Json.write(event));
        events.add(made);
        eventsById.put(id, made);
        orderingKeys.put(id, orderingKey);
        webhooks.send(orderingKey, made);
    }
}
