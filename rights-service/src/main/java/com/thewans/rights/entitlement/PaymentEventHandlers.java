package com.thewans.rights.entitlement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;

/**
 * payment.succeeded grants, payment.refunded revokes; the payment time is the envelope's
 * occurredAt. Data that cannot be read throws: the event is retried and then dead-lettered where
 * admins see it, rather than silently dropped.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventHandlers {

    @Bean
    EventHandler paymentSucceededHandler(PaymentGrants grants) {
        return EventHandler.of("payment.succeeded", PaymentSucceeded.class,
                (payment, event) -> grants.grant(payment, event.occurredAt()));
    }

    @Bean
    EventHandler paymentRefundedHandler(PaymentGrants grants) {
        return EventHandler.of("payment.refunded", PaymentRefunded.class,
                (refund, event) -> grants.revoke(refund.transactionId(), event.occurredAt()));
    }
}
