package com.thewans.payment.webhook;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.thewans.payment.purchase.Settlement;
import com.thewans.payment.purchase.Transaction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acts on stored Stripe events. The payload is read here as JSON (our own view of Stripe's
 * objects) rather than through stripe-java's typed models, which deserialize only events of the
 * API version the library pins: an endpoint set to another version would silently read nothing.
 */
@Component
class StripeEvents implements ProviderMessageHandler {

    static final String PROVIDER = "STRIPE";
    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settlement settlement;

    StripeEvents(Settlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String handle(ProviderMessages.Stored stored) {
        return apply(settlement, stored.type(), JSON.readTree(stored.payload()).path("data").path("object"));
    }

    static String apply(Settlement settlement, String type, JsonNode object) {
        switch (type) {
            case "payment_intent.succeeded" -> settlement.succeeded(Transaction.Provider.STRIPE, text(object, "id"),
                    transactionOf(object));
            case "payment_intent.payment_failed" -> {
                JsonNode error = object.path("last_payment_error");
                String code = error.hasNonNull("decline_code") ? error.get("decline_code").asString()
                        : error.path("code").asString("payment_failed");
                settlement.failed(Transaction.Provider.STRIPE, text(object, "id"), transactionOf(object), code,
                        error.path("message").asString(null));
            }
            case "charge.refunded" -> settlement.refunded(Transaction.Provider.STRIPE, text(object, "payment_intent"),
                    transactionOf(object), object.path("amount_refunded").asLong());
            default -> {
                log.debug("ignoring Stripe event type {}", type);
                return "ignored";
            }
        }
        return "applied";
    }

    private static String text(JsonNode object, String field) {
        return object.hasNonNull(field) ? object.get(field).asString() : null;
    }

    /** Our transaction id, which every payment carries in its metadata. */
    private static UUID transactionOf(JsonNode object) {
        String id = object.path("metadata").path("transactionId").asString(null);
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
