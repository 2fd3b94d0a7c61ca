package com.thewans.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for MTN MoMo's Collection API "request to pay": an access token for the API user,
 * {@code POST /collection/v1_0/requesttopay} answered 202, the payer's answer after a delay decided
 * by the payer's number ({@link MobileMoneyTestPayers}), the status by {@code GET}, and one callback
 * to {@code X-Callback-Url}; and the Disbursement API's refund of a collected payment
 * ({@code POST /disbursement/v1_0/refund} naming {@code referenceIdToRefund}, answered 202, settled
 * after the same delay: SUCCESSFUL while the refunds of a payment stay within what it collected, else
 * FAILED; its status by {@code GET /disbursement/v1_0/refund/{referenceId}}). For local runs and tests only.
 *
 * <p>The callback carries {@code X-Callback-Signature} (hex HMAC-SHA256 of the body with the callback
 * secret): MTN does not sign its callbacks, so here the sandbox plays a provider that does, and the
 * adapter checks it.
 */
public final class MobileMoneySandbox implements AutoCloseable {

    private static final String COLLECTION = "/collection";
    private static final String DISBURSEMENT = "/disbursement";
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern MSISDN = Pattern.compile("\\d{8,15}");

    /**
     * How a sandbox runs.
     *
     * @param port              the loopback port; 0 picks a free one
     * @param apiUser           the API user (Basic user name at the token endpoint)
     * @param apiKey            the API key (Basic password at the token endpoint)
     * @param subscriptionKey   the {@code Ocp-Apim-Subscription-Key} every call must carry
     * @param targetEnvironment the {@code X-Target-Environment} it accepts ({@code sandbox})
     * @param callbackSecret    the key of the {@code X-Callback-Signature} HMAC
     * @param approvalDelay     how long a payer takes to answer
     * @param tokenLifetime     how long an access token lasts ({@code expires_in})
     * @param callbackMethod    the callback's HTTP method, PUT or POST: MTN asks listeners to allow both
     */
    public record Settings(int port, String apiUser, String apiKey, String subscriptionKey, String targetEnvironment,
                           String callbackSecret, Duration approvalDelay, Duration tokenLifetime, String callbackMethod) {

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            for (String value : new String[] {apiUser, apiKey, subscriptionKey, targetEnvironment, callbackSecret}) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("the mobile-money sandbox needs an API user, API key, "
                            + "subscription key, target environment and callback secret");
                }
            }
            approvalDelay = Objects.requireNonNullElse(approvalDelay, Duration.ofMillis(300));
            tokenLifetime = Objects.requireNonNullElse(tokenLifetime, Duration.ofHours(1));
            callbackMethod = callbackMethod == null ? "PUT" : callbackMethod;
            if (!callbackMethod.equals("PUT") && !callbackMethod.equals("POST")) {
                throw new IllegalArgumentException("callbackMethod is PUT or POST: " + callbackMethod);
            }
        }

        /** A free port, the local development credentials, 300 ms to approve, one-hour tokens, PUT callbacks. */
        public static Settings localDefaults() {
            return new Settings(0, SandboxDefaults.MOBILE_MONEY_API_USER, SandboxDefaults.MOBILE_MONEY_API_KEY,
                    SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY, SandboxDefaults.MOBILE_MONEY_TARGET_ENVIRONMENT,
                    SandboxDefaults.MOBILE_MONEY_CALLBACK_SECRET, Duration.ofMillis(300), Duration.ofHours(1), "PUT");
        }

        public Settings withPort(int port) {
            return new Settings(port, apiUser, apiKey, subscriptionKey, targetEnvironment, callbackSecret,
                    approvalDelay, tokenLifetime, callbackMethod);
        }

        public Settings withCredentials(String apiUser, String apiKey, String subscriptionKey) {
            return new Settings(port, apiUser, apiKey, subscriptionKey, targetEnvironment, callbackSecret,
                    approvalDelay, tokenLifetime, callbackMethod);
        }

        public Settings withCallbackSecret(String callbackSecret) {
            return new Settings(port, apiUser, apiKey, subscriptionKey, targetEnvironment, callbackSecret,
                    approvalDelay, tokenLifetime, callbackMethod);
        }

        public Settings withApprovalDelay(Duration approvalDelay) {
            return new Settings(port, apiUser, apiKey, subscriptionKey, targetEnvironment, callbackSecret,
                    approvalDelay, tokenLifetime, callbackMethod);
        }

        public Settings withTokenLifetime(Duration tokenLifetime) {
            return new Settings(port, apiUser, apiKey, subscriptionKey, targetEnvironment, callbackSecret,
                    approvalDelay, tokenLifetime, callbackMethod);
        }

        public Settings withCallbackMethod(String callbackMethod) {
            return new Settings(port, apiUser, apiKey, subscriptionKey, targetEnvironment, callbackSecret,
                    approvalDelay, tokenLifetime, callbackMethod);
        }
    }

    /**
     * A request to pay as the sandbox holds it now.
     *
     * @param status                 PENDING, SUCCESSFUL or FAILED
     * @param reason                 why it FAILED, else null
     * @param financialTransactionId the wallet's transaction id once SUCCESSFUL, else null
     */
    public record RequestToPay(String referenceId, String externalId, String amount, String currency,
                               String payerPartyIdType, String payerPartyId, String payerMessage, String payeeNote,
                               String callbackUrl, String status, String reason, String financialTransactionId) {
    }

    /**
     * A callback the sandbox sent.
     *
     * @param status the receiver's HTTP status, 0 when the connection failed
     * @param error  why the connection failed, or null
     */
    public record Callback(String referenceId, String url, String method, String body, String signature, int status,
                           String error) {
    }

    /**
     * A refund as the sandbox holds it now.
     *
     * @param referenceIdToRefund the request to pay it gives money back from
     * @param status              PENDING, SUCCESSFUL or FAILED
     */
    public record Refund(String referenceId, String referenceIdToRefund, String externalId, String amount,
                         String currency, String status, String reason, String financialTransactionId) {
    }

    /** The payer's answer a test number stands for. */
    private enum Answer {
        APPROVE(true, null, true),
        REJECT(false, "APPROVAL_REJECTED", true),
        NEVER(false, null, false),
        APPROVE_CALLBACK_LOST(true, null, false),
        NOT_ENOUGH_FUNDS(false, "NOT_ENOUGH_FUNDS", true),
        PAYER_NOT_FOUND(false, "PAYER_NOT_FOUND", true);

        final boolean approves;
        final String reason;
        final boolean callback;

        Answer(boolean approves, String reason, boolean callback) {
            this.approves = approves;
            this.reason = reason;
            this.callback = callback;
        }

        static Answer of(String partyId) {
            return switch (partyId) {
                case MobileMoneyTestPayers.REJECTS -> REJECT;
                case MobileMoneyTestPayers.NEVER_ANSWERS -> NEVER;
                case MobileMoneyTestPayers.APPROVES_CALLBACK_LOST -> APPROVE_CALLBACK_LOST;
                case MobileMoneyTestPayers.NOT_ENOUGH_FUNDS -> NOT_ENOUGH_FUNDS;
                case MobileMoneyTestPayers.PAYER_NOT_FOUND -> PAYER_NOT_FOUND;
                default -> APPROVE;
            };
        }
    }

    private static final class Pending {
        String referenceId;
        String externalId;
        String amount;
        String currency;
        String partyIdType;
        String partyId;
        String payerMessage;
        String payeeNote;
        String callbackUrl;
        String status = "PENDING";
        String reason;
        String financialTransactionId;

        RequestToPay snapshot() {
            return new RequestToPay(referenceId, externalId, amount, currency, partyIdType, partyId, payerMessage,
                    payeeNote, callbackUrl, status, reason, financialTransactionId);
        }
    }

    private record Failure(int status, ObjectNode body) {
    }

    private static final class Refused extends RuntimeException {
        final transient Failure failure;

        Refused(int status, ObjectNode body) {
            super(null, null, false, false);
            this.failure = new Failure(status, body);
        }
    }

    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService requestThreads = HttpIO.requestThreads("mobile-money-sandbox");
    private final ScheduledExecutorService timers = HttpIO.timers("mobile-money-sandbox-payers");
    private final HttpClient client = HttpIO.client();
    private final Map<String, Pending> requests = new HashMap<>();
    private final Map<String, Refund> refunds = new java.util.LinkedHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private MobileMoneySandbox(Settings settings) {
        this.settings = settings;
        this.server = HttpIO.loopbackServer(settings.port(), this::handle, requestThreads);
    }

    public static MobileMoneySandbox start(Settings settings) {
        return new MobileMoneySandbox(settings);
    }

    /** On a free port with the local development credentials. */
    public static MobileMoneySandbox start() {
        return start(Settings.localDefaults());
    }

    /** The base URL, e.g. {@code http://127.0.0.1:12112}; the API is under {@code /collection}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Settings settings() {
        return settings;
    }

    /** Every request to pay received so far, oldest first, as it stands now. */
    public synchronized List<RequestToPay> requests() {
        return order.stream().map(id -> requests.get(id).snapshot()).toList();
    }

    public synchronized Optional<RequestToPay> request(String referenceId) {
        return Optional.ofNullable(requests.get(referenceId)).map(Pending::snapshot);
    }

    /** Every refund received so far, oldest first, as it stands now. */
    public synchronized List<Refund> refunds() {
        return List.copyOf(refunds.values());
    }

    /** Every callback sent so far, in the order they were answered. */
    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** The payer approves now, whatever the number (for a PENDING request, e.g. the never-answering payer). */
    public void approve(String referenceId) {
        settle(referenceId, true, null, true);
    }

    /** The payer's request fails now with the given reason (e.g. EXPIRED), the callback sent if one was asked. */
    public void fail(String referenceId, String reason) {
        settle(referenceId, false, Objects.requireNonNull(reason, "reason"), true);
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        timers.shutdownNow();
    }

    // ---- one HTTP request

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int status;
        String body;
        try {
            checkSubscriptionKey(exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key"));
            String requestBody = HttpIO.body(exchange);
            if (method.equals("POST") && (path.equals(COLLECTION + "/token/") || path.equals(COLLECTION + "/token")
                    || path.equals(DISBURSEMENT + "/token/") || path.equals(DISBURSEMENT + "/token"))) {
                status = 200;
                body = Json.write(token(exchange.getRequestHeaders().getFirst("Authorization")));
            } else if (method.equals("POST") && path.equals(COLLECTION + "/v1_0/requesttopay")) {
                authorizeCall(exchange);
                requestToPay(exchange.getRequestHeaders().getFirst("X-Reference-Id"),
                        exchange.getRequestHeaders().getFirst("X-Callback-Url"), requestBody);
                status = 202;
                body = "";
            } else if (method.equals("GET") && path.startsWith(COLLECTION + "/v1_0/requesttopay/")) {
                authorizeCall(exchange);
                status = 200;
                body = Json.write(status(path.substring((COLLECTION + "/v1_0/requesttopay/").length())));
            } else if (method.equals("POST") && path.equals(DISBURSEMENT + "/v1_0/refund")) {
                authorizeCall(exchange);
                refund(exchange.getRequestHeaders().getFirst("X-Reference-Id"), requestBody);
                status = 202;
                body = "";
            } else if (method.equals("GET") && path.startsWith(DISBURSEMENT + "/v1_0/refund/")) {
                authorizeCall(exchange);
                status = 200;
                body = Json.write(refundStatus(path.substring((DISBURSEMENT + "/v1_0/refund/").length())));
            } else {
                throw new Refused(404, gatewayMessage(404, "Resource not found"));
            }
        } catch (Refused refused) {
            status = refused.failure.status();
            body = Json.write(refused.failure.body());
        } catch (RuntimeException unexpected) {
            status = 500;
            body = Json.write(error("INTERNAL_PROCESSING_ERROR", "The mobile-money sandbox failed: " + unexpected));
        }
        HttpIO.send(exchange, status, "application/json;charset=utf-8", body, Map.of());
    }

    private void checkSubscriptionKey(String key) {
        if (key == null || key.isBlank()) {
            throw new Refused(401, gatewayMessage(401, "Access denied due to missing subscription key. Make sure to "
                    + "include subscription key when making requests to an API."));
        }
        if (!key.equals(settings.subscriptionKey())) {
            throw new Refused(401, gatewayMessage(401, "Access denied due to invalid subscription key. Make sure to "
                    + "provide a valid key for an active subscription."));
        }
    }

    private ObjectNode token(String authorization) {
        String expected = Base64.getEncoder().encodeToString(
                (settings.apiUser() + ":" + settings.apiKey()).getBytes(StandardCharsets.UTF_8));
        if (authorization == null || !authorization.equals("Basic " + expected)) {
            // MTN's sandbox answers wrong API credentials with a 500 and this body
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("error", "login_failed");
            throw new Refused(500, body);
        }
        String token = Ids.random(64);
        synchronized (this) {
            Instant now = clock.instant();
            tokens.values().removeIf(expiry -> expiry.isBefore(now));
            tokens.put(token, now.plus(settings.tokenLifetime()));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", token);
        body.put("token_type", "access_token");
        body.put("expires_in", settings.tokenLifetime().toSeconds());
        return body;
    }

    private void authorizeCall(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean valid = false;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            synchronized (this) {
                Instant expiry = tokens.get(authorization.substring(7).trim());
                valid = expiry != null && expiry.isAfter(clock.instant());
            }
        }
        if (!valid) {
            throw new Refused(401, gatewayMessage(401, "Unauthorized. Access token is missing or invalid."));
        }
        String environment = exchange.getRequestHeaders().getFirst("X-Target-Environment");
        if (!settings.targetEnvironment().equals(environment)) {
            throw new Refused(403, error("NOT_ALLOWED_TARGET_ENVIRONMENT",
                    "Access to target environment is forbidden."));
        }
    }

    private void requestToPay(String referenceId, String callbackUrl, String body) {
        if (referenceId == null || !isUuid(referenceId)) {
            throw new Refused(400, error("BAD_REQUEST", "X-Reference-Id must be a UUID (version 4)."));
        }
        if (callbackUrl != null && !isHttpUrl(callbackUrl)) {
            throw new Refused(400, error("INVALID_CALLBACK_URL_HOST", "Callback URL is not valid."));
        }
        Pending request = parse(body);
        request.referenceId = referenceId;
        request.callbackUrl = callbackUrl;
        synchronized (this) {
            if (requests.containsKey(referenceId)) {
                throw new Refused(409, error("RESOURCE_ALREADY_EXIST", "Duplicated reference id. Creation of "
                        + "resource failed."));
            }
            requests.put(referenceId, request);
            order.add(referenceId);
        }
        Answer answer = Answer.of(request.partyId);
        if (answer != Answer.NEVER) {
            schedule(() -> settle(referenceId, answer.approves, answer.reason, answer.callback), settings.approvalDelay());
        }
    }

    private Pending parse(String body) {
        JsonNode json;
        try {
            json = Json.read(body);
        } catch (JacksonException e) {
            throw new Refused(400, error("BAD_REQUEST", "The request body is not valid JSON."));
        }
        if (json == null || !json.isObject()) {
            throw new Refused(400, error("BAD_REQUEST", "The request body must be a JSON object."));
        }
        Pending request = new Pending();
        request.amount = string(json, "amount");
        if (request.amount == null || !AMOUNT.matcher(request.amount).matches()
                || Double.parseDouble(request.amount) <= 0) {
            throw new Refused(400, error("BAD_REQUEST", "amount must be a string holding a positive number, "
                    + "e.g. \"990\"."));
        }
        request.currency = string(json, "currency");
        if (request.currency == null || !request.currency.matches("[A-Z]{3}")) {
            throw new Refused(400, error("INVALID_CURRENCY", "Currency not supported."));
        }
        request.externalId = string(json, "externalId");
        JsonNode payer = json.get("payer");
        if (payer == null || !payer.isObject()) {
            throw new Refused(400, error("BAD_REQUEST", "payer is required: {\"partyIdType\": \"MSISDN\", "
                    + "\"partyId\": \"675...\"}."));
        }
        request.partyIdType = string(payer, "partyIdType");
        request.partyId = string(payer, "partyId");
        if (request.partyIdType == null || !List.of("MSISDN", "EMAIL", "PARTY_CODE").contains(request.partyIdType)
                || request.partyId == null || request.partyId.isBlank()) {
            throw new Refused(400, error("BAD_REQUEST", "payer.partyIdType must be MSISDN, EMAIL or PARTY_CODE and "
                    + "payer.partyId is required."));
        }
        if (request.partyIdType.equals("MSISDN") && !MSISDN.matcher(request.partyId).matches()) {
            throw new Refused(400, error("PAYER_NOT_FOUND", "payer.partyId must be an E.164 number without '+'."));
        }
        request.payerMessage = string(json, "payerMessage");
        request.payeeNote = string(json, "payeeNote");
        return request;
    }

    /** A field that must be a JSON string when present, as MTN's schema has every value. */
    private static String string(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Refused(400, error("BAD_REQUEST", field + " must be a JSON string."));
        }
        return value.asString();
    }

    private synchronized ObjectNode status(String referenceId) {
        Pending request = requests.get(referenceId);
        if (request == null) {
            throw new Refused(404, error("RESOURCE_NOT_FOUND", "Requested resource was not found."));
        }
        return render(request);
    }

    private static ObjectNode render(Pending request) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (request.financialTransactionId != null) {
            node.put("financialTransactionId", request.financialTransactionId);
        }
        if (request.externalId != null) {
            node.put("externalId", request.externalId);
        }
        node.put("amount", request.amount);
        node.put("currency", request.currency);
        ObjectNode payer = node.putObject("payer");
        payer.put("partyIdType", request.partyIdType);
        payer.put("partyId", request.partyId);
        if (request.payerMessage != null) {
            node.put("payerMessage", request.payerMessage);
        }
        if (request.payeeNote != null) {
            node.put("payeeNote", request.payeeNote);
        }
        node.put("status", request.status);
        if (request.reason != null) {
            node.put("reason", request.reason);
        }
        return node;
    }

    // ---- refunds (the Disbursement API)

    private void refund(String referenceId, String body) {
        if (referenceId == null || !isUuid(referenceId)) {
            throw new Refused(400, error("BAD_REQUEST", "X-Reference-Id must be a UUID (version 4)."));
        }
        JsonNode json;
        try {
            json = Json.read(body);
        } catch (JacksonException e) {
            throw new Refused(400, error("BAD_REQUEST", "The request body is not valid JSON."));
        }
        if (json == null || !json.isObject()) {
            throw new Refused(400, error("BAD_REQUEST", "The request body must be a JSON object."));
        }
        String amount = string(json, "amount");
        if (amount == null || !AMOUNT.matcher(amount).matches() || Double.parseDouble(amount) <= 0) {
            throw new Refused(400, error("BAD_REQUEST", "amount must be a string holding a positive number."));
        }
        String currency = string(json, "currency");
        String toRefund = string(json, "referenceIdToRefund");
        if (toRefund == null || !isUuid(toRefund)) {
            throw new Refused(400, error("BAD_REQUEST", "referenceIdToRefund must be the UUID of a request to pay."));
        }
        synchronized (this) {
            if (refunds.containsKey(referenceId)) {
                throw new Refused(409, error("RESOURCE_ALREADY_EXIST", "Duplicated reference id. Creation of "
                        + "resource failed."));
            }
            refunds.put(referenceId, new Refund(referenceId, toRefund, string(json, "externalId"), amount, currency,
                    "PENDING", null, null));
        }
        schedule(() -> settleRefund(referenceId), settings.approvalDelay());
    }

    /** Money goes back only from a collected payment, and never more than it collected. */
    private synchronized void settleRefund(String referenceId) {
        Refund refund = refunds.get(referenceId);
        if (refund == null || !refund.status().equals("PENDING")) {
            return;
        }
        Pending paid = requests.get(refund.referenceIdToRefund());
        String reason = null;
        if (paid == null || !paid.status.equals("SUCCESSFUL")) {
            reason = "RESOURCE_NOT_FOUND";
        } else {
            long given = refunds.values().stream().filter(r -> r.referenceIdToRefund().equals(paid.referenceId)
                    && r.status().equals("SUCCESSFUL")).mapToLong(r -> minor(r.amount())).sum();
            if (!paid.currency.equals(refund.currency()) || given + minor(refund.amount()) > minor(paid.amount)) {
                reason = "NOT_ALLOWED";
            }
        }
        refunds.put(referenceId, new Refund(referenceId, refund.referenceIdToRefund(), refund.externalId(),
                refund.amount(), refund.currency(), reason == null ? "SUCCESSFUL" : "FAILED", reason,
                reason == null ? Ids.digits(10) : null));
    }

    private synchronized ObjectNode refundStatus(String referenceId) {
        Refund refund = refunds.get(referenceId);
        if (refund == null) {
            throw new Refused(404, error("RESOURCE_NOT_FOUND", "Requested resource was not found."));
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("amount", refund.amount());
        node.put("currency", refund.currency());
        if (refund.financialTransactionId() != null) {
            node.put("financialTransactionId", refund.financialTransactionId());
        }
        if (refund.externalId() != null) {
            node.put("externalId", refund.externalId());
        }
        Pending paid = requests.get(refund.referenceIdToRefund());
        if (paid != null) {
            ObjectNode payee = node.putObject("payee");
            payee.put("partyIdType", paid.partyIdType);
            payee.put("partyId", paid.partyId);
        }
        node.put("status", refund.status());
        if (refund.reason() != null) {
            node.put("reason", refund.reason());
        }
        return node;
    }

    private static long minor(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
    }

    // ---- the payer's answer and the callback

    private void settle(String referenceId, boolean approved, String reason, boolean sendCallback) {
        String body;
        String url;
        synchronized (this) {
            Pending request = requests.get(referenceId);
            if (request == null) {
                throw new IllegalArgumentException("no request to pay " + referenceId);
            }
            if (!request.status.equals("PENDING")) {
                return;
            }
            request.status = approved ? "SUCCESSFUL" : "FAILED";
            request.reason = approved ? null : reason;
            request.financialTransactionId = approved ? Ids.digits(10) : null;
            body = Json.write(render(request));
            url = request.callbackUrl;
        }
        if (sendCallback && url != null) {
            callback(referenceId, url, body);
        }
    }

    /** Sent once, never retried: MTN's callback "may come once or never", so the adapter also polls. */
    private void callback(String referenceId, String url, String body) {
        String signature = Hmac.sha256Hex(settings.callbackSecret(), body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Callback-Signature", signature)
                .method(settings.callbackMethod(), HttpRequest.BodyPublishers.ofString(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) ->
                callbacks.add(new Callback(referenceId, url, settings.callbackMethod(), body, signature,
                        response == null ? 0 : response.statusCode(),
                        failure == null ? null : String.valueOf(failure.getCause() == null ? failure : failure.getCause()))));
    }

    private void schedule(Runnable task, Duration after) {
        try {
            timers.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing: the payer never answers
        }
    }

    // ---- small rules

    private static ObjectNode error(String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    /** The API gateway's own refusals (before MoMo sees the call) have this other shape. */
    private static ObjectNode gatewayMessage(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", status);
        body.put("message", message);
        return body;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
