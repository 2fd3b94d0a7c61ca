package com.thewans.payment.card;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerBalanceTransactionCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;

/**
 * Stripe Billing through stripe-java. Prices are found by a lookup key that names the plan, the
 * currency, the amount and the interval, so a plan whose price changes gets a new Stripe price and
 * subscribers on the old one keep it. Creating calls carry idempotency keys derived from our ids.
 */
@Component
class StripeCardSubscriptions implements CardSubscriptions {

    private final StripeClient stripe;

    StripeCardSubscriptions(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String customer(String existing, UUID userId, String paymentMethod, String idempotencyKey) {
        try {
            String customer = existing != null ? existing : stripe.v1().customers().create(CustomerCreateParams
                    .builder().putMetadata("userId", userId.toString()).build(),
                    StripeCardPayments.options(idempotencyKey)).getId();
            // attaching answers the card's own id (a test token such as pm_card_visa becomes a new pm_...),
            // and that id is what the customer's invoices are charged to
            String attached = stripe.v1().paymentMethods().attach(paymentMethod,
                    PaymentMethodAttachParams.builder().setCustomer(customer).build()).getId();
            stripe.v1().customers().update(customer, CustomerUpdateParams.builder()
                    .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder()
                            .setDefaultPaymentMethod(attached).build()).build());
            return customer;
        } catch (StripeException e) {
            throw refused(e);
        }
    }

    @Override
    public String price(String planCode, String planName, String currency, long amount, String interval) {
        String lookupKey = "wans-" + planCode + "-" + currency.toLowerCase(Locale.ROOT) + "-" + amount + "-"
                + interval.toLowerCase(Locale.ROOT);
        try {
            var found = stripe.v1().prices().list(PriceListParams.builder().addLookupKey(lookupKey).build());
            if (found.getData() != null && !found.getData().isEmpty()) {
                return found.getData().get(0).getId();
            }
            Price created = stripe.v1().prices().create(PriceCreateParams.builder()
                    .setCurrency(currency.toLowerCase(Locale.ROOT)).setUnitAmount(amount).setLookupKey(lookupKey)
                    .setRecurring(PriceCreateParams.Recurring.builder()
                            .setInterval(PriceCreateParams.Recurring.Interval.valueOf(interval.toUpperCase(Locale.ROOT)))
                            .build())
                    .setProductData(PriceCreateParams.ProductData.builder().setName("THE WANS " + planName).build())
                    .build(), StripeCardPayments.options(lookupKey));
            return created.getId();
        } catch (StripeException e) {
            throw StripeCardPayments.unavailable(e);
        }
    }

    @Override
    public BillingSubscription subscribe(String customer, String price, int trialDays, Map<String, String> metadata,
            String idempotencyKey) {
        var params = SubscriptionCreateParams.builder().setCustomer(customer)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price).build()).putAllMetadata(metadata)
                // a first payment that fails refuses the subscription instead of leaving it half made
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.ERROR_IF_INCOMPLETE);
        if (trialDays > 0) {
            params.setTrialPeriodDays((long) trialDays);
        }
        try {
            return view(stripe.v1().subscriptions().create(params.build(), StripeCardPayments.options(idempotencyKey)));
        } catch (StripeException e) {
            throw refused(e);
        }
    }

    @Override
    public BillingSubscription retrieve(String subscriptionId) {
        try {
            return view(stripe.v1().subscriptions().retrieve(subscriptionId));
        } catch (StripeException e) {
            throw StripeCardPayments.unavailable(e);
        }
    }

    @Override
    public BillingSubscription cancelAtPeriodEnd(String subscriptionId, boolean cancel) {
        try {
            return view(stripe.v1().subscriptions().update(subscriptionId,
                    SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build()));
        } catch (StripeException e) {
            throw refused(e);
        }
    }

    @Override
    public BillingSubscription changePrice(String subscriptionId, String price, boolean prorateNow,
            String idempotencyKey) {
        try {
            Subscription current = stripe.v1().subscriptions().retrieve(subscriptionId);
            String item = current.getItems().getData().get(0).getId();
            return view(stripe.v1().subscriptions().update(subscriptionId, SubscriptionUpdateParams.builder()
                    .addItem(SubscriptionUpdateParams.Item.builder().setId(item).setPrice(price).build())
                    .setProrationBehavior(prorateNow ? SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE
                            : SubscriptionUpdateParams.ProrationBehavior.NONE)
                    // a difference the card cannot pay leaves the subscription as it was
                    .setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.ERROR_IF_INCOMPLETE)
                    .build(), StripeCardPayments.options(idempotencyKey)));
        } catch (StripeException e) {
            throw refused(e);
        }
    }

    @Override
    public void adjustBalance(String customer, long amount, String currency, String description,
            String idempotencyKey) {
        try {
            stripe.v1().customers().balanceTransactions().create(customer, CustomerBalanceTransactionCreateParams
                    .builder().setAmount(amount).setCurrency(currency.toLowerCase(Locale.ROOT))
                    .setDescription(description).build(), StripeCardPayments.options(idempotencyKey));
        } catch (StripeException e) {
            throw refused(e);
        }
    }

    @Override
    public Optional<String> paymentOf(String invoiceId) {
        try {
            Invoice invoice = stripe.v1().invoices().retrieve(invoiceId,
                    InvoiceRetrieveParams.builder().addExpand("payments").build());
            if (invoice.getPayments() == null || invoice.getPayments().getData() == null) {
                return Optional.empty();
            }
            return invoice.getPayments().getData().stream()
                    .filter(p -> p.getPayment() != null && p.getPayment().getPaymentIntent() != null)
                    .map(p -> p.getPayment().getPaymentIntent()).findFirst();
        } catch (StripeException e) {
            throw StripeCardPayments.unavailable(e);
        }
    }

    /**
     * What a failed Stripe call means here: a card declined (402), a request Stripe refused as such
     * (422), or Stripe away (503).
     */
    private static RuntimeException refused(StripeException e) {
        if (e instanceof CardException declined) {
            return new CardDeclined(declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode());
        }
        if (e instanceof InvalidRequestException invalid) {
            return new CardRefused(invalid.getCode(), invalid.getStripeError() == null ? null
                    : invalid.getStripeError().getMessage());
        }
        return StripeCardPayments.unavailable(e);
    }

    /** The period lives on the subscription's item in the API version stripe-java pins. */
    private static BillingSubscription view(Subscription s) {
        SubscriptionItem item = s.getItems() == null || s.getItems().getData() == null || s.getItems().getData().isEmpty()
                ? null : s.getItems().getData().get(0);
        return new BillingSubscription(s.getId(), s.getCustomer(), s.getStatus(),
                item == null ? null : seconds(item.getCurrentPeriodStart()),
                item == null ? null : seconds(item.getCurrentPeriodEnd()), seconds(s.getTrialEnd()),
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()));
    }

    private static Instant seconds(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
