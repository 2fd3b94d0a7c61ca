package com.thewans.notification.reaction;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;
import com.thewans.notification.NotificationSettings;
import com.thewans.notification.film.Films;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * payment-service's events: a receipt for every captured payment (with its invoice's PDF link, and
 * number once the event carries it), a note when one did not go through.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEvents {

    record PaymentSucceeded(UUID transactionId, UUID userId, String kind, UUID filmId, long amount, String currency,
            UUID invoiceId, String invoiceNumber, String plan) {

        PaymentSucceeded {
            if (transactionId == null || userId == null || currency == null) {
                throw new IllegalArgumentException("payment.succeeded needs transactionId, userId and currency");
            }
        }
    }

    record PaymentFailed(UUID transactionId, UUID userId, String kind, UUID filmId, long amount, String currency,
            String reason) {

        PaymentFailed {
            if (transactionId == null || userId == null || currency == null) {
                throw new IllegalArgumentException("payment.failed needs transactionId, userId and currency");
            }
        }
    }

    @Bean
    EventHandler paymentSucceededHandler(Notifier notifier, Films films, NotificationSettings settings) {
        String invoices = settings.publicUrl().replaceAll("/+$", "") + "/api/invoices/";
        return EventHandler.of("payment.succeeded", PaymentSucceeded.class, (payment, event) -> {
            if (payment.amount() == 0) {
                return; // a free trial's start: nothing was paid, no invoice was issued
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("amount", Wording.amount(payment.amount(), payment.currency()));
            variables.put("description", description(payment.kind(), films, payment.filmId()));
            variables.put("invoiceUrl", payment.invoiceId() == null ? invoices + "mine"
                    : invoices + payment.invoiceId() + "/pdf");
            if (payment.invoiceNumber() != null) {
                variables.put("invoiceNumber", payment.invoiceNumber());
            }
            notifier.notify(Notice.of(payment.userId(), NotificationType.PAYMENT_RECEIPT, "event:" + event.id(),
                    variables));
        });
    }

    @Bean
    EventHandler paymentFailedHandler(Notifier notifier, Films films) {
        return EventHandler.of("payment.failed", PaymentFailed.class, (payment, event) ->
                notifier.notify(Notice.of(payment.userId(), NotificationType.PAYMENT_FAILED, "event:" + event.id(),
                        Map.of("amount", Wording.amount(payment.amount(), payment.currency()),
                                "description", description(payment.kind(), films, payment.filmId()),
                                "reason", payment.reason() == null ? "declined" : payment.reason().replace('_', ' ')))));
    }

    static String description(String kind, Films films, UUID filmId) {
        String what = switch (kind == null ? "" : kind) {
            case "RENTAL" -> "rental";
            case "PURCHASE" -> "purchase";
            case "SUBSCRIPTION" -> "subscription";
            case "PPV_TICKET" -> "ticket";
            case "COLLECTOR" -> "collector's edition";
            default -> "payment";
        };
        return films.title(filmId).map(title -> title + " (" + what + ")").orElse("your " + what);
    }
}
