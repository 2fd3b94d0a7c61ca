package com.thewans.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;

import tools.jackson.databind.JsonNode;

/**
 * Stripe Billing through the real stripe-java client: subscriptions on test clocks, their renewals,
 * dunning and plan changes, with every webhook checked by stripe-java's own signature check.
 */
class StripeBillingWithStripeJavaTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Test clocks start here: January has 31 days, so the first monthly period is 31 days long. */
    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-01T00:00:00Z");
    private static final long DAY = 86_400;

    private static StripeSandbox sandbox;
    private static WebhookReceiver endpoint;
    private static StripeClient stripe;

    @BeforeAll
    static void start() {
        endpoint = WebhookReceiver.start();
        sandbox = StripeSandbox.start(StripeSandbox.Settings.localDefaults().withWebhookTarget(endpoint.uri("/webhooks/stripe")));
        stripe = StripeClient.builder().setApiKey(SandboxDefaults.STRIPE_SECRET_KEY).setApiBase(sandbox.url())
                .setMaxNetworkRetries(0).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        endpoint.close();
    }

    @Test
    void aTrialTurnsActiveWithAPaidInvoiceOnceTheClockPassesItsEnd() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Price monthly = monthly(990, "Wantok Premium");

        Subscription trialing = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly.getId()).build())
                .setTrialPeriodDays(14L)
                .putMetadata("wansSubscriptionId", "ws-trial")
                .build());

        Instant trialEnd = NEW_YEAR.plus(Duration.ofDays(14));
        assertThat(trialing.getStatus()).isEqualTo("trialing");
        assertThat(trialing.getTrialEnd()).isEqualTo(trialEnd.getEpochSecond());
        assertThat(item(trialing).getCurrentPeriodEnd()).isEqualTo(trialEnd.getEpochSecond());
        Invoice trialInvoice = stripe.v1().invoices().retrieve(trialing.getLatestInvoice());
        assertThat(trialInvoice.getAmountDue()).isZero();
        assertThat(trialInvoice.getStatus()).isEqualTo("paid");

        advance(clock, trialEnd.plus(Duration.ofDays(1)));

        Subscription active = stripe.v1().subscriptions().retrieve(trialing.getId());
        assertThat(active.getStatus()).isEqualTo("active");
        assertThat(item(active).getCurrentPeriodStart()).isEqualTo(trialEnd.getEpochSecond());
        assertThat(item(active).getCurrentPeriodEnd()).isEqualTo(Instant.parse("2026-02-15T00:00:00Z").getEpochSecond());
        Invoice renewal = stripe.v1().invoices().retrieve(active.getLatestInvoice());
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getStatus()).isEqualTo("paid");
        assertThat(renewal.getAmountPaid()).isEqualTo(990L);

        Invoice paidEvent = (Invoice) object(webhook("invoice.paid", renewal.getId()));
        assertThat(paidEvent.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(trialing.getId());
        assertThat(paidEvent.getParent().getSubscriptionDetails().getMetadata()).containsEntry("wansSubscriptionId", "ws-trial");
        Event updated = webhook("customer.subscription.updated", trialing.getId(),
                event -> event.path("data").path("previous_attributes").path("status").asString().equals("trialing"));
        assertThat(((Subscription) object(updated)).getStatus()).isEqualTo("active");
        assertThat(webhook("customer.subscription.trial_will_end", trialing.getId()).getCreated()).isPositive();
    }

    @Test
    void withoutATrialTheSubscriptionIsActiveAndItsFirstInvoicePaidByTheDefaultCard() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Price monthly = monthly(1500, "Wantok Family");

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly.getId()).build())
                .putMetadata("wansSubscriptionId", "ws-7")
                .addExpand("latest_invoice.payments")
                .build());

        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getMetadata()).containsEntry("wansSubscriptionId", "ws-7");
        assertThat(item(subscription).getCurrentPeriodStart()).isEqualTo(NEW_YEAR.getEpochSecond());
        assertThat(item(subscription).getCurrentPeriodEnd()).isEqualTo(FEBRUARY.getEpochSecond());
        Invoice first = subscription.getLatestInvoiceObject();
        assertThat(first.getBillingReason()).isEqualTo("subscription_create");
        assertThat(first.getStatus()).isEqualTo("paid");
        assertThat(first.getAmountPaid()).isEqualTo(1500L);
        assertThat(first.getAttemptCount()).isEqualTo(1L);
        String intentId = first.getPayments().getData().get(0).getPayment().getPaymentIntent();
        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(intentId);
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmount()).isEqualTo(1500L);

        Subscription created = (Subscription) object(webhook("customer.subscription.created", subscription.getId()));
        assertThat(created.getStatus()).isEqualTo("active");
        assertThat(((Invoice) object(webhook("invoice.paid", first.getId()))).getAmountPaid()).isEqualTo(1500L);
        assertThat(webhook("invoice.payment_succeeded", first.getId())).isNotNull();
        assertThat(webhook("payment_intent.succeeded", intentId)).isNotNull();
    }

    @Test
    void aRenewalOnACardThatFailsGoesPastDueIsRetriedAndIsCanceledAfterTheLastRetry() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Subscription subscription = subscribe(customer, monthly(990, "Wantok Premium"));
        useCard(customer, StripeTestCards.CHARGE_CUSTOMER_FAIL);

        sandbox.advanceTestClock(clock.getId(), FEBRUARY.plus(Duration.ofHours(1)));

        Subscription pastDue = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(pastDue.getStatus()).isEqualTo("past_due");
        Invoice renewal = stripe.v1().invoices().retrieve(pastDue.getLatestInvoice());
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getStatus()).isEqualTo("open");
        assertThat(renewal.getAttemptCount()).isEqualTo(1L);
        assertThat(renewal.getNextPaymentAttempt()).isEqualTo(FEBRUARY.getEpochSecond() + 3 * DAY);
        Invoice failed = (Invoice) object(webhook("invoice.payment_failed", renewal.getId()));
        assertThat(failed.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());

        sandbox.advanceTestClock(clock.getId(), FEBRUARY.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        Invoice retried = stripe.v1().invoices().retrieve(renewal.getId());
        assertThat(retried.getAttemptCount()).isEqualTo(2L);
        assertThat(retried.getNextPaymentAttempt()).isEqualTo(FEBRUARY.getEpochSecond() + 5 * DAY);
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("past_due");

        sandbox.advanceTestClock(clock.getId(), FEBRUARY.plus(Duration.ofDays(8)));

        Subscription canceled = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationDetails().getReason()).isEqualTo("payment_failed");
        assertThat(canceled.getEndedAt()).isEqualTo(FEBRUARY.getEpochSecond() + 7 * DAY);
        Invoice givenUp = stripe.v1().invoices().retrieve(renewal.getId());
        assertThat(givenUp.getAttemptCount()).isEqualTo(4L);
        assertThat(givenUp.getStatus()).isEqualTo("open");
        assertThat(givenUp.getNextPaymentAttempt()).isNull();
        await().atMost(WAIT).until(() -> received("invoice.payment_failed", renewal.getId()).size() == 4);
        Subscription deleted = (Subscription) object(webhook("customer.subscription.deleted", subscription.getId()));
        assertThat(deleted.getStatus()).isEqualTo("canceled");
    }

    @Test
    void aPastDueSubscriptionIsActiveAgainWhenItsInvoiceIsPaidWithAReplacementCard() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Subscription subscription = subscribe(customer, monthly(990, "Wantok Premium"));
        useCard(customer, StripeTestCards.CHARGE_CUSTOMER_FAIL);
        advance(clock, FEBRUARY.plus(Duration.ofHours(1)));
        String renewalId = stripe.v1().subscriptions().retrieve(subscription.getId()).getLatestInvoice();

        CardException stillFailing = catchThrowableOfType(CardException.class,
                () -> stripe.v1().invoices().pay(renewalId));
        useCard(customer, StripeTestCards.VISA);
        Invoice paid = stripe.v1().invoices().pay(renewalId);

        assertThat(stillFailing.getStatusCode()).isEqualTo(402);
        assertThat(stillFailing.getDeclineCode()).isEqualTo("generic_decline");
        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAttemptCount()).isEqualTo(3L);
        assertThat(paid.getNextPaymentAttempt()).isNull();
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("active");
        Event reactivated = webhook("customer.subscription.updated", subscription.getId(),
                event -> event.path("data").path("previous_attributes").path("status").asString().equals("past_due"));
        assertThat(((Subscription) object(reactivated)).getStatus()).isEqualTo("active");
        assertThat(((Invoice) object(webhook("invoice.paid", renewalId))).getAmountPaid()).isEqualTo(990L);
    }

    @Test
    void cancelAtPeriodEndKeepsTheSubscriptionUntilItsPeriodEndsThenCancelsIt() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Subscription subscription = subscribe(customer, monthly(990, "Wantok Premium"));

        Subscription ending = stripe.v1().subscriptions().update(subscription.getId(),
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());

        assertThat(ending.getStatus()).isEqualTo("active");
        assertThat(ending.getCancelAtPeriodEnd()).isTrue();
        assertThat(ending.getCancelAt()).isEqualTo(FEBRUARY.getEpochSecond());
        Event requested = webhook("customer.subscription.updated", subscription.getId(),
                event -> event.path("data").path("previous_attributes").has("cancel_at_period_end"));
        assertThat(requested.getData().getPreviousAttributes()).containsEntry("cancel_at_period_end", false);

        advance(clock, FEBRUARY.plus(Duration.ofDays(1)));

        Subscription canceled = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getEndedAt()).isEqualTo(FEBRUARY.getEpochSecond());
        assertThat(canceled.getLatestInvoice()).isEqualTo(subscription.getLatestInvoice());
        assertThat(((Subscription) object(webhook("customer.subscription.deleted", subscription.getId()))).getStatus())
                .isEqualTo("canceled");
    }

    @Test
    void cancelingNowEndsTheSubscriptionAtOnceAndNothingRenews() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Subscription subscription = subscribe(customer, monthly(990, "Wantok Premium"));
        Instant fifthOfJanuary = NEW_YEAR.plus(Duration.ofDays(5));
        advance(clock, fifthOfJanuary);

        Subscription canceled = stripe.v1().subscriptions().cancel(subscription.getId(), SubscriptionCancelParams.builder()
                .setCancellationDetails(SubscriptionCancelParams.CancellationDetails.builder().setComment("moving to Lae").build())
                .build());
        advance(clock, FEBRUARY.plus(Duration.ofDays(1)));

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCanceledAt()).isEqualTo(fifthOfJanuary.getEpochSecond());
        assertThat(canceled.getEndedAt()).isEqualTo(fifthOfJanuary.getEpochSecond());
        assertThat(canceled.getCancellationDetails().getReason()).isEqualTo("cancellation_requested");
        assertThat(canceled.getCancellationDetails().getComment()).isEqualTo("moving to Lae");
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getLatestInvoice())
                .isEqualTo(subscription.getLatestInvoice());
        assertThat(((Subscription) object(webhook("customer.subscription.deleted", subscription.getId()))).getEndedAt())
                .isEqualTo(fifthOfJanuary.getEpochSecond());
    }

    @Test
    void anUpgradeWithAlwaysInvoiceBillsTheProratedDifferenceAtOnce() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Subscription subscription = subscribe(customer, monthly(1000, "Wantok Basic"));
        Price premium = monthly(3100, "Wantok Premium");
        advance(clock, Instant.parse("2026-01-11T00:00:00Z"));

        Subscription upgraded = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item(subscription).getId()).setPrice(premium.getId()).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .build());

        assertThat(item(upgraded).getPrice().getId()).isEqualTo(premium.getId());
        assertThat(item(upgraded).getCurrentPeriodEnd()).isEqualTo(FEBRUARY.getEpochSecond());
        Invoice proration = stripe.v1().invoices().retrieve(upgraded.getLatestInvoice());
        assertThat(proration.getId()).isNotEqualTo(subscription.getLatestInvoice());
        assertThat(proration.getBillingReason()).isEqualTo("subscription_update");
        // 21 of January's 31 days are left: -round(1000 × 21/31) + round(3100 × 21/31)
        assertThat(proration.getLines().getData()).extracting(InvoiceLineItem::getAmount).containsExactly(-677L, 2100L);
        assertThat(proration.getLines().getData())
                .allSatisfy(line -> assertThat(line.getParent().getSubscriptionItemDetails().getProration()).isTrue());
        assertThat(proration.getAmountDue()).isEqualTo(1423L);
        assertThat(proration.getStatus()).isEqualTo("paid");
        Event changed = webhook("customer.subscription.updated", subscription.getId(),
                event -> event.path("data").path("previous_attributes").has("items"));
        assertThat(changed.getData().getPreviousAttributes()).containsKey("latest_invoice");
        assertThat(webhook("invoice.paid", proration.getId())).isNotNull();
    }

    @Test
    void theInvoiceCarriesItsIntentSecretAndPaymentsOnlyWhenExpanded() throws Exception {
        TestClock clock = clockAt(NEW_YEAR);
        Customer customer = customerPaying(clock, StripeTestCards.VISA);
        Subscription subscription = subscribe(customer, monthly(990, "Wantok Premium"));

        Invoice plain = stripe.v1().invoices().retrieve(subscription.getLatestInvoice());
        Invoice expanded = stripe.v1().invoices().retrieve(subscription.getLatestInvoice(), InvoiceRetrieveParams.builder()
                .addExpand("confirmation_secret").addExpand("payments.data.payment.payment_intent").build(),
                RequestOptions.getDefault());

        assertThat(plain.getPayments()).isNull();
        assertThat(plain.getConfirmationSecret()).isNull();
        PaymentIntent intent = expanded.getPayments().getData().get(0).getPayment().getPaymentIntentObject();
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(expanded.getConfirmationSecret().getClientSecret()).isEqualTo(intent.getClientSecret());
    }

    // ---- helpers

    private static TestClock clockAt(Instant time) throws StripeException {
        return stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                .setFrozenTime(time.getEpochSecond()).setName("billing test").build());
    }

    /** Advances over HTTP as payment-service's tests would, then waits until the clock says ready. */
    private static void advance(TestClock clock, Instant to) throws StripeException {
        stripe.v1().testHelpers().testClocks().advance(clock.getId(),
                TestClockAdvanceParams.builder().setFrozenTime(to.getEpochSecond()).build());
        await().atMost(WAIT).until(() -> stripe.v1().testHelpers().testClocks().retrieve(clock.getId()),
                ready -> ready.getStatus().equals("ready") && ready.getFrozenTime() == to.getEpochSecond());
    }

    private static Customer customerPaying(TestClock clock, String testPaymentMethod) throws StripeException {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("subscriber@example.pg").setName("Kila Subscriber").setTestClock(clock.getId()).build());
        useCard(customer, testPaymentMethod);
        return customer;
    }

    /** A new card attached to the customer and made the default its invoices are paid with. */
    private static void useCard(Customer customer, String testPaymentMethod) throws StripeException {
        PaymentMethod card = stripe.v1().paymentMethods().attach(testPaymentMethod,
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder()
                .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build())
                .build());
    }

    private static Price monthly(long amount, String productName) throws StripeException {
        return stripe.v1().prices().create(PriceCreateParams.builder()
                .setCurrency("pgk")
                .setUnitAmount(amount)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .setProductData(PriceCreateParams.ProductData.builder().setName(productName).build())
                .build());
    }

    private static Subscription subscribe(Customer customer, Price price) throws StripeException {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build())
                .build());
        assertThat(subscription.getStatus()).isEqualTo("active");
        return subscription;
    }

    private static SubscriptionItem item(Subscription subscription) {
        return subscription.getItems().getData().get(0);
    }

    private static List<WebhookReceiver.Received> received(String type, String objectId) {
        return endpoint.events(type).stream()
                .filter(request -> Json.read(request.body()).path("data").path("object").path("id").asString().equals(objectId))
                .toList();
    }

    private static Event webhook(String type, String objectId) throws Exception {
        return webhook(type, objectId, event -> true);
    }

    /** The first webhook of that type about that object which {@code which} accepts, checked as a receiver checks it. */
    private static Event webhook(String type, String objectId, Predicate<JsonNode> which) throws Exception {
        WebhookReceiver.Received webhook = await().atMost(WAIT).until(() -> received(type, objectId).stream()
                .filter(request -> which.test(Json.read(request.body()))).findFirst().orElse(null), Objects::nonNull);
        return Webhook.constructEvent(webhook.body(), webhook.header("Stripe-Signature"),
                SandboxDefaults.STRIPE_WEBHOOK_SECRET, 300);
    }

    /** The event's object as stripe-java reads it; empty would mean the shapes do not fit the pinned version. */
    private static Object object(Event event) {
        return event.getDataObjectDeserializer().getObject().orElseThrow();
    }
}
