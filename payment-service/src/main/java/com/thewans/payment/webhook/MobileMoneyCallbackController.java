package com.thewans.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.ProblemAnswers;
import com.thewans.payment.PaymentSettings;
import com.thewans.payment.mobilemoney.MobileMoneyPayments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mobile-money wallets call back here when a request to pay leaves PENDING, with PUT or POST (MoMo
 * asks listeners to take both). No token: {@code X-Callback-Signature} must be the hex
 * HMAC-SHA256 of the raw body with the wallet's callback secret. The callback is stored once per
 * reference and status (a wallet that calls twice is stored once) and answered at once; acting on
 * it, which means asking the wallet, happens behind the outbox.
 */
@RestController
@Tag(name = "Provider webhooks", description = "Payment providers tell the platform what happened to a payment."
        + " Signed by the provider; no bearer token.")
class MobileMoneyCallbackController {

    static final int MAX_BODY = 64 * 1024;
    private static final Pattern STATUS = Pattern.compile("[A-Z_]{1,20}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderMessages messages;
    private final MobileMoneyPayments payments;

    MobileMoneyCallbackController(ProviderMessages messages, MobileMoneyPayments payments) {
        this.messages = messages;
        this.payments = payments;
    }

    @RequestMapping(path = PaymentSettings.MobileMoney.CALLBACK_PATH + "{wallet}",
            method = {RequestMethod.PUT, RequestMethod.POST}, consumes = MediaType.ALL_VALUE)
    @SecurityRequirements
    @Operation(summary = "Receive a mobile-money wallet's request-to-pay callback (PUT or POST); stored once per"
            + " reference and status, then settled by asking the wallet, never by the callback's word")
    @ApiResponse(responseCode = "400", description = "A missing or wrong X-Callback-Signature, a wallet the service"
            + " does not have, or a signed body that is not a callback about one of our payments"
            + " (`invalid-webhook-signature`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Map<String, Object> receive(@PathVariable String wallet,
            @RequestHeader(name = "X-Callback-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            throw new InvalidWebhookSignature("no callback, or one over 64 KiB");
        }
        if (!payments.wallets().contains(wallet)) {
            throw new InvalidWebhookSignature("no wallet of that name calls back here");
        }
        if (signature == null) {
            throw new InvalidWebhookSignature("no X-Callback-Signature header");
        }
        if (!payments.signedByWallet(wallet, body, signature)) {
            throw new InvalidWebhookSignature("X-Callback-Signature does not match the body");
        }
        JsonNode callback;
        try {
            callback = JSON.readTree(body);
        } catch (JacksonException e) {
            callback = null;
        }
        UUID transactionId = callback == null ? null : transactionId(callback.path("externalId").asString(null));
        String status = callback == null ? null : callback.path("status").asString(null);
        if (transactionId == null || status == null || !STATUS.matcher(status).matches()) {
            // signed by the wallet but not about a payment of ours: a shape problem, not a forgery
            throw new InvalidWebhookSignature("the signed body is not a request-to-pay callback about our payment");
        }
        String messageId = MobileMoneyPayments.referenceFor(transactionId) + ":" + status;
        boolean first = messages.store(MobileMoneyCallbacks.PROVIDER, messageId, MobileMoneyCallbacks.CALLBACK,
                new String(body, StandardCharsets.UTF_8));
        return Map.of("received", true, "duplicate", !first);
    }

    private static UUID transactionId(String externalId) {
        try {
            UUID id = externalId == null ? null : UUID.fromString(externalId);
            return id != null && id.toString().equalsIgnoreCase(externalId) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
