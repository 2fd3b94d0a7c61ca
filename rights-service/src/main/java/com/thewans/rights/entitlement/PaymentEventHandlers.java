package com.thewans.rights.entitlement;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;

import tools.jackson.databind.JsonNode;

/**
 * payment.succeeded grants, payment.refunded revokes. Malformed data throws: the event is retried
 * and then dead-lettered where admins see it, rather than silently dropped.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventHandlers {

    @Bean
    EventHandler paymentSucceededHandler(PaymentGrants grants) {
        return new EventHandler() {
            @Override
            public String eventType() {
                return "payment.succeeded";
            }

            @Override
            public void handle(EventEnvelope event) {
                JsonNode data = event.data();
                grants.grant(new PaymentGrants.PaymentSucceeded(uuid(data, "transactionId", true),
                        uuid(data, "userId", true), EntitlementKind.valueOf(text(data, "kind", true)),
                        uuid(data, "filmId", false), uuid(data, "windowId", false),
                        uuid(data, "subscriptionId", false), instant(data, "periodEnd"), event.occurredAt()));
            }
        };
    }

    @Bean
    EventHandler paymentRefundedHandler(PaymentGrants grants) {
        return new EventHandler() {
            @Override
            public String eventType() {
                return "payment.refunded";
            }

            @Override
            public void handle(EventEnvelope event) {
                grants.revoke(uuid(event.data(), "transactionId", true), event.occurredAt());
            }
        };
    }

    private static String text(JsonNode data, String field, boolean required) {
        JsonNode node = data == null ? null : data.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException("Event data lacks " + field);
            }
            return null;
        }
        return node.asString();
    }

    private static UUID uuid(JsonNode data, String field, boolean required) {
        String text = text(data, field, required);
        return text == null ? null : UUID.fromString(text);
    }

    private static Instant instant(JsonNode data, String field) {
        String text = text(data, field, false);
        return text == null ? null : Instant.parse(text);
    }
}
