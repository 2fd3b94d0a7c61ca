package com.thewans.payment.card;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

/**
 * Card payments through Stripe's PaymentIntents with stripe-java. The API base comes from the
 * settings, so locally (and in tests) the same client talks to the Stripe-shaped sandbox. Every
 * call that creates something carries an idempotency key derived from our own ids, so a retry
 * after a timeout finds the payment Stripe may already have made instead of making another.
 */
@Component
class StripeCardPayments implements CardPayments {

    private static final Logger log = LoggerFactory.getLogger(StripeCardPayments.class);
    static final String PROVIDER = "stripe";

    private final StripeClient stripe;

    StripeCardPayments(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public CardPayment open(long amount, String currency, String description, Map<String, String> metadata,
            String paymentMethod, String idempotencyKey) {
        var params = PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency(currency.toLowerCase(java.util.Locale.ROOT)).setDescription(description)
                .putAllMetadata(metadata)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build());
        if (paymentMethod != null) {
            params.setPaymentMethod(paymentMethod).setConfirm(true);
        }
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params.build(), options(idempotencyKey));
            return new CardPayment(intent.getId(), intent.getClientSecret(), intent.getStatus(), null, null);
        } catch (CardException declined) {
            // the payment exists and stays open for another card; the decline is the payer's, not ours
            PaymentIntent intent = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
            return new CardPayment(intent == null ? null : intent.getId(), intent == null ? null : intent.getClientSecret(),
                    intent == null ? "requires_payment_method" : intent.getStatus(),
                    declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode(),
                    declined.getStripeError() == null ? "declined" : declined.getStripeError().getMessage());
        } catch (InvalidRequestException e) {
            throw new CardRefused(e.getCode(), e.getStripeError() == null ? null : e.getStripeError().getMessage());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void cancel(String paymentId) {
        try {
            stripe.v1().paymentIntents().cancel(paymentId);
        } catch (InvalidRequestException e) {
            // already succeeded or cancelled: its own message tells us what happened
            log.info("Stripe would not cancel {}: {}", paymentId, e.getCode());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public CardRefund refund(String paymentId, long amount, String reason, String idempotencyKey) {
        var params = RefundCreateParams.builder().setPaymentIntent(paymentId).setAmount(amount)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("reason", reason);
        try {
            Refund refund = stripe.v1().refunds().create(params.build(), options(idempotencyKey));
            return new CardRefund(refund.getId(), refund.getAmount(), refund.getStatus());
        } catch (InvalidRequestException e) {
            throw new CardRefused(e.getCode(), e.getStripeError() == null ? null : e.getStripeError().getMessage());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    static ProviderUnavailable unavailable(StripeException e) {
        // the request id lets Stripe's support find it; the message never holds card data
        log.warn("Stripe failed (status {}, request {}): {}", e.getStatusCode(), e.getRequestId(), e.getCode());
        return new ProviderUnavailable(PROVIDER, e);
    }
}
