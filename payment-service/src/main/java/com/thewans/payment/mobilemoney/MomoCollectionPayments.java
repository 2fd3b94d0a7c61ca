package com.thewans.payment.mobilemoney;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.thewans.payment.PaymentSettings;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request to pay over HTTP in MTN MoMo Collection's shape, to every configured wallet: an access
 * token from {@code POST /collection/token/} (Basic auth with the API user and key), kept until
 * shortly before it expires; {@code POST /collection/v1_0/requesttopay} under our reference
 * ({@code X-Reference-Id}), answered 202; {@code GET /collection/v1_0/requesttopay/{reference}} for
 * the status. Refunds are the Disbursement product's ({@code POST /disbursement/v1_0/refund} naming
 * {@code referenceIdToRefund}, its status by {@code GET}), with a token of that product; one API user
 * serves both here (a market that issues one per product needs a second wallet entry). Every call carries the wallet's {@code Ocp-Apim-Subscription-Key} and
 * {@code X-Target-Environment}. Short timeouts: a wallet that does not answer costs the payer a
 * 503 to retry, not a hung request.
 */
@Component
class MomoCollectionPayments implements MobileMoneyPayments {

    private static final Logger log = LoggerFactory.getLogger(MomoCollectionPayments.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A token is renewed this long before it expires (or a tenth of its life, if that is shorter). */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);
    /** MoMo keeps payerMessage and payeeNote short; longer text is refused by some markets. */
    private static final int MAX_NOTE = 160;

    private record Token(String value, Instant renewAt) {
    }

    private static final String COLLECTION = "collection";
    private static final String DISBURSEMENT = "disbursement";

    private record Answer(int status, String body) {
    }

    private final Map<String, PaymentSettings.Wallet> wallets;
    private final Duration answerTimeout;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> tokenLocks = new ConcurrentHashMap<>();

    @Autowired
    MomoCollectionPayments(PaymentSettings settings, Clock clock) {
        this(settings.mobileMoney(), clock);
    }

    MomoCollectionPayments(PaymentSettings.MobileMoney settings, Clock clock) {
        this.wallets = settings.wallets();
        this.answerTimeout = settings.answerTimeout();
        this.clock = clock;
    }

    @Override
    public Set<String> wallets() {
        return wallets.keySet();
    }

    @Override
    public Asked requestToPay(String wallet, RequestToPay request) {
        PaymentSettings.Wallet config = config(wallet);
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", majorUnits(request.amount()));
        body.put("currency", request.currency());
        if (request.externalId() != null) {
            body.put("externalId", request.externalId());
        }
        ObjectNode payer = body.putObject("payer");
        payer.put("partyIdType", "MSISDN");
        payer.put("partyId", request.payer().digits());
        if (request.payerMessage() != null) {
            body.put("payerMessage", clip(request.payerMessage()));
        }
        if (request.payeeNote() != null) {
            body.put("payeeNote", clip(request.payeeNote()));
        }
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(config.baseUrl() + "/collection/v1_0/requesttopay"))
                .header("X-Reference-Id", request.reference().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (request.callbackUrl() != null) {
            call.header("X-Callback-Url", request.callbackUrl().toString());
        }
        return asked(wallet, "request to pay", request.reference(), call(wallet, config, call));
    }

    /** What a wallet made of a creating call (a request to pay, a refund) under our reference. */
    private static Asked asked(String wallet, String what, UUID reference, Answer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return Asked.asked();
        }
        if (answer.status() == 409) {
            // RESOURCE_ALREADY_EXIST: an earlier attempt (whose answer we never saw) reached the wallet
            return Asked.alreadyAsked();
        }
        if (answer.status() == 400) {
            JsonNode error = readOrEmpty(answer.body());
            String code = text(error, "code");
            log.info("mobile-money wallet {} refused {} {}: {}", wallet, what, reference, code);
            return Asked.refused(code == null ? "REFUSED" : code, text(error, "message"));
        }
        throw unavailable(wallet, what + " answered " + answer.status(), null);
    }

    @Override
    public RequestStatus status(String wallet, UUID reference) {
        PaymentSettings.Wallet config = config(wallet);
        return status(wallet, reference, call(wallet, config, HttpRequest.newBuilder(
                URI.create(config.baseUrl() + "/collection/v1_0/requesttopay/" + reference)).GET()));
    }

    /** A request to pay's or a refund's status: the two products answer in one shape. */
    private static RequestStatus status(String wallet, UUID reference, Answer answer) {
        JsonNode json = readOrEmpty(answer.body());
        if (answer.status() == 404 && "RESOURCE_NOT_FOUND".equals(text(json, "code"))) {
            return new RequestStatus(reference, RequestStatus.State.NOT_FOUND, null, null, null, answer.body());
        }
        if (answer.status() != 200 || text(json, "status") == null) {
            // a 404 of another shape is the API gateway's: a wrong base URL, not a request it lacks
            throw unavailable(wallet, "status answered " + answer.status(), null);
        }
        RequestStatus.State state = switch (text(json, "status")) {
            case "SUCCESSFUL" -> RequestStatus.State.SUCCESSFUL;
            case "FAILED" -> RequestStatus.State.FAILED;
            case "PENDING" -> RequestStatus.State.PENDING;
            default -> {
                // a status we do not know settles nothing: the request keeps waiting, then expires
                log.warn("mobile-money wallet {} answered status {} for {}", wallet, text(json, "status"), reference);
                yield RequestStatus.State.PENDING;
            }
        };
        JsonNode reason = json.get("reason");
        // MoMo's sandbox sends the reason as a code, some markets as {"code": ..., "message": ...}
        String why = reason == null || reason.isNull() ? null : reason.isObject() ? text(reason, "code") : reason.asString();
        return new RequestStatus(reference, state, why, text(json, "financialTransactionId"), text(json, "externalId"),
                answer.body());
    }

    @Override
    public Asked refund(String wallet, Refund refund) {
        PaymentSettings.Wallet config = config(wallet);
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", majorUnits(refund.amount()));
        body.put("currency", refund.currency());
        if (refund.externalId() != null) {
            body.put("externalId", refund.externalId());
        }
        if (refund.note() != null) {
            body.put("payerMessage", clip(refund.note()));
            body.put("payeeNote", clip(refund.note()));
        }
        body.put("referenceIdToRefund", refund.paymentReference().toString());
        return asked(wallet, "refund", refund.reference(), call(wallet, DISBURSEMENT, config, HttpRequest.newBuilder(
                        URI.create(config.baseUrl() + "/disbursement/v1_0/refund"))
                .header("X-Reference-Id", refund.reference().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
    }

    @Override
    public RequestStatus refundStatus(String wallet, UUID reference) {
        PaymentSettings.Wallet config = config(wallet);
        return status(wallet, reference, call(wallet, DISBURSEMENT, config, HttpRequest.newBuilder(
                URI.create(config.baseUrl() + "/disbursement/v1_0/refund/" + reference)).GET()));
    }

    @Override
    public boolean signedByWallet(String wallet, byte[] body, String signature) {
        PaymentSettings.Wallet config = wallets.get(wallet);
        if (config == null || body == null || signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.callbackSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            // constant time: how much of a guess matched must not show in how long the answer takes
            return MessageDigest.isEqual(mac.doFinal(body), given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    /** One API call with the wallet's token; a 401 means the token ended early, so once more with a new one. */
    private Answer call(String wallet, PaymentSettings.Wallet config, HttpRequest.Builder request) {
        return call(wallet, COLLECTION, config, request);
    }

    private Answer call(String wallet, String product, PaymentSettings.Wallet config, HttpRequest.Builder request) {
        request.timeout(answerTimeout)
                .header("Ocp-Apim-Subscription-Key", config.subscriptionKey())
                .header("X-Target-Environment", config.targetEnvironment());
        String token = token(wallet, product, config, null);
        Answer answer = send(wallet, request.copy().header("Authorization", "Bearer " + token).build());
        if (answer.status() == 401) {
            answer = send(wallet, request.copy().header("Authorization", "Bearer "
                    + token(wallet, product, config, token)).build());
        }
        if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
            // our credentials or target environment are wrong, or the wallet failed: either way not the payer's doing
            throw unavailable(wallet, "answered " + answer.status(), null);
        }
        return answer;
    }

    /** The wallet's access token, fetched again when it is about to expire or was just refused. */
    private String token(String wallet, String product, PaymentSettings.Wallet config, String refused) {
        String key = wallet + "/" + product; // each product of the API has its own tokens
        Token current = tokens.get(key);
        if (usable(current, refused)) {
            return current.value();
        }
        synchronized (tokenLocks.computeIfAbsent(key, name -> new Object())) {
            current = tokens.get(key);
            if (usable(current, refused)) {
                return current.value(); // another thread renewed it meanwhile
            }
            Token fresh = fetchToken(wallet, product, config);
            tokens.put(key, fresh);
            return fresh.value();
        }
    }

    private boolean usable(Token token, String refused) {
        return token != null && !token.value().equals(refused) && clock.instant().isBefore(token.renewAt());
    }

    private Token fetchToken(String wallet, String product, PaymentSettings.Wallet config) {
        String basic = Base64.getEncoder().encodeToString((config.apiUser() + ":" + config.apiKey())
                .getBytes(StandardCharsets.UTF_8));
        Answer answer = send(wallet, HttpRequest.newBuilder(URI.create(config.baseUrl() + "/" + product + "/token/"))
                .timeout(answerTimeout)
                .header("Authorization", "Basic " + basic)
                .header("Ocp-Apim-Subscription-Key", config.subscriptionKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        JsonNode json = readOrEmpty(answer.body());
        String token = text(json, "access_token");
        long expiresIn = json.path("expires_in").asLong(0);
        if (answer.status() != 200 || token == null || expiresIn <= 0) {
            // MoMo answers wrong API credentials with a 500 login_failed
            throw unavailable(wallet, "the token call answered " + answer.status(), null);
        }
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration margin = lifetime.dividedBy(10).compareTo(TOKEN_MARGIN) < 0 ? lifetime.dividedBy(10) : TOKEN_MARGIN;
        return new Token(token, clock.instant().plus(lifetime).minus(margin));
    }

    private Answer send(String wallet, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw unavailable(wallet, "no answer within " + answerTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw unavailable(wallet, "unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(wallet, "interrupted", e);
        }
    }

    private PaymentSettings.Wallet config(String wallet) {
        PaymentSettings.Wallet config = wallets.get(wallet);
        if (config == null) {
            // a wallet taken out of the configuration while its payments still wait: they wait on
            throw unavailable(wallet, "no wallet of this name is configured", null);
        }
        return config;
    }

    private static WalletUnavailable unavailable(String wallet, String why, Throwable cause) {
        log.warn("mobile-money wallet {} unavailable: {}", wallet, why);
        return new WalletUnavailable(wallet, why, cause);
    }

    /**
     * MoMo reads amounts in the currency's unit, as a string: K 9.90 is "9.90". Both currencies the
     * platform takes (PGK, USD) have two minor digits.
     */
    static String majorUnits(long minorUnits) {
        return String.format(Locale.ROOT, "%d.%02d", minorUnits / 100, minorUnits % 100);
    }

    private static String clip(String text) {
        return text.length() <= MAX_NOTE ? text : text.substring(0, MAX_NOTE);
    }

    private static JsonNode readOrEmpty(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            return json == null || !json.isObject() ? JSON.createObjectNode() : json;
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
