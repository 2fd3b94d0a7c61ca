package com.thewans.payment.webhook;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.thewans.common.web.ProblemAnswers;
import com.thewans.payment.PaymentSettings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Stripe's webhook endpoint. No token: the {@code Stripe-Signature} header is checked with
 * stripe-java's own verification against the endpoint's signing secret, with Stripe's 300 s
 * tolerance on its timestamp (replays of old deliveries fail). The event is stored and the answer
 * goes back at once; the work happens behind the outbox.
 */
@RestController
@Tag(name = "Provider webhooks", description = "Payment providers tell the platform what happened to a payment."
        + " Signed by the provider; no bearer token.")
class StripeWebhookController {

    static final int MAX_BODY = 256 * 1024;

    private final ProviderMessages messages;
    private final PaymentSettings.Stripe stripe;
    private final Clock clock;

    StripeWebhookController(ProviderMessages messages, PaymentSettings settings, Clock clock) {
        this.messages = messages;
        this.stripe = settings.stripe();
        this.clock = clock;
    }

    @PostMapping(path = "/api/webhooks/stripe", consumes = MediaType.ALL_VALUE)
    @SecurityRequirements
    @Operation(summary = "Receive a Stripe event (payment_intent.succeeded, payment_intent.payment_failed,"
            + " charge.refunded, ...); each event id is acted on once, unknown types are acknowledged")
    @ApiResponse(responseCode = "400", description = "A missing or wrong signature, or a timestamp over 300 s old"
            + " (`invalid-webhook-signature`), or not an event (`malformed-body`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Map<String, Object> receive(@RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) String payload) {
        if (payload == null || payload.length() > MAX_BODY) {
            throw new InvalidWebhookSignature("no event, or one over 256 KiB");
        }
        if (signature == null) {
            throw new InvalidWebhookSignature("no Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, stripe.webhookSecret(),
                    stripe.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookSignature(e.getMessage());
        } catch (RuntimeException e) {
            // signed by Stripe but not an event we can read: a shape problem, not a forgery
            throw new InvalidWebhookSignature("the signed body is not a Stripe event");
        }
        if (event.getId() == null || event.getType() == null) {
            throw new InvalidWebhookSignature("the signed body is not a Stripe event");
        }
        boolean first = messages.store(StripeEvents.PROVIDER, event.getId(), event.getType(), payload);
        return Map.of("received", true, "duplicate", !first);
    }
}
