package com.thewans.payment.webhook;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.thewans.payment.card.CardSubscriptions;
import com.thewans.payment.purchase.Settlement;
import com.thewans.payment.purchase.Transaction;
import com.thewans.payment.subscription.SubscriptionBilling;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acts on stored Stripe events. The payload is read here as JSON (our own view of Stripe's
 * objects) rather than through stripe-java's typed models, which deserialize only events of the
 * API version the library pins: an endpoint set to another version would silently read nothing.
 */
@Component
class StripeEvents implements ProviderMessageHandler {

    static final String PROVIDER = Transaction.Provider.STRIPE.name();
    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settlement settlement;
    private final SubscriptionBilling subscriptions;
    private final CardSubscriptions billing;

    StripeEvents(Settlement settlement, SubscriptionBilling subscriptions, CardSubscriptions billing) {
        this.settlement = settlement;
        this.subscriptions = subscriptions;
        this.billing = billing;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String handle(ProviderMessages.Stored stored) {
        return apply(stored.type(), JSON.readTree(stored.payload()).path("data").path("object"));
    }

    String apply(String type, JsonNode object) {
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
            case "invoice.paid" -> {
                JsonNode details = object.path("parent").path("subscription_details");
                if (!details.hasNonNull("subscription")) {
                    return "ignored"; // an invoice of no subscription: not one the platform makes
                }
                // the period paid for ends where its last line does (a change of plan credits the old period first)
                Instant periodEnd = null;
                for (JsonNode line : object.path("lines").path("data")) {
                    Instant end = epoch(line.path("period").path("end"));
                    periodEnd = end != null && (periodEnd == null || end.isAfter(periodEnd)) ? end : periodEnd;
                }
                long paid = object.path("amount_paid").asLong();
                String invoiceId = text(object, "id");
                // refunds go through the payment that paid the invoice, which the event does not name: ask
                String payment = paid > 0 ? billing.paymentOf(invoiceId).orElse(invoiceId) : invoiceId;
                subscriptions.invoicePaid(details.get("subscription").asString(), uuid(details.path("metadata")
                        .path("subscriptionId").asString(null)), invoiceId, payment, paid,
                        object.path("currency").asString("pgk"), periodEnd,
                        "subscription_cycle".equals(object.path("billing_reason").asString(null)));
            }
            case "invoice.payment_failed" -> {
                JsonNode details = object.path("parent").path("subscription_details");
                if (!details.hasNonNull("subscription")) {
                    return "ignored";
                }
                // what the failure did to the subscription is Stripe's to say: ask it
                subscriptions.follow(billing.retrieve(details.get("subscription").asString()),
                        uuid(details.path("metadata").path("subscriptionId").asString(null)));
            }
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" -> {
                JsonNode item = object.path("items").path("data").path(0);
                subscriptions.follow(new CardSubscriptions.BillingSubscription(text(object, "id"),
                        text(object, "customer"), text(object, "status"), epoch(item.path("current_period_start")),
                        epoch(item.path("current_period_end")), epoch(object.path("trial_end")),
                        object.path("cancel_at_period_end").asBoolean(false)),
                        uuid(object.path("metadata").path("subscriptionId").asString(null)));
            }
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

    private static java.time.Instant epoch(JsonNode seconds) {
        return seconds.isNumber() ? java.time.Instant.ofEpochSecond(seconds.asLong()) : null;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
