package com.thewans.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentCreateParams.AutomaticPaymentMethods;
import com.stripe.param.RefundCreateParams;

/** The real stripe-java client against the sandbox, and stripe-java's own webhook check on its events. */
class StripeSandboxWithStripeJavaTest {

    private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(5);

    private static StripeSandbox sandbox;
    private static WebhookReceiver endpoint;
    private static StripeClient stripe;

    @BeforeAll
    static void start() {
        endpoint = WebhookReceiver.start();
        sandbox = StripeSandbox.start(StripeSandbox.Settings.localDefaults().withWebhookTarget(endpoint.uri("/webhooks/stripe")));
        stripe = client(SandboxDefaults.STRIPE_SECRET_KEY);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        endpoint.close();
    }

    private static StripeClient client(String key) {
        return StripeClient.builder().setApiKey(key).setApiBase(sandbox.url()).setMaxNetworkRetries(0).build();
    }

    /** A card payment confirmed on the server: no redirects wanted, as payment-service asks. */
    private static PaymentIntentCreateParams.Builder payment(long amount, String paymentMethod) {
        return PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency("pgk")
                .setPaymentMethod(paymentMethod)
                .setConfirm(true)
                .setAutomaticPaymentMethods(AutomaticPaymentMethods.builder().setEnabled(true)
                        .setAllowRedirects(AutomaticPaymentMethods.AllowRedirects.NEVER).build());
    }

    private static WebhookReceiver.Received webhookFor(String type, String objectId) {
        return await().atMost(WEBHOOK_WAIT).until(
                () -> endpoint.events(type).stream()
                        .filter(request -> Json.read(request.body()).path("data").path("object").path("id").asString()
                                .equals(objectId))
                        .findFirst().orElse(null),
                received -> received != null);
    }

    private static Event verified(WebhookReceiver.Received webhook) throws SignatureVerificationException {
        return Webhook.constructEvent(webhook.body(), webhook.header("Stripe-Signature"),
                SandboxDefaults.STRIPE_WEBHOOK_SECRET, 300);
    }

    @Test
    void eventsCarryTheApiVersionStripeJavaPins() {
        assertThat(StripeSandbox.API_VERSION).isEqualTo(Stripe.API_VERSION);
    }

    @Test
    void visaTestCardPaymentSucceedsAndItsSignedWebhookPassesStripeJavasCheck() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("listener@example.pg").setName("Kila Listener").putMetadata("userId", "u-1").build());
        assertThat(customer.getId()).startsWith("cus_");
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getEmail()).isEqualTo("listener@example.pg");

        PaymentIntent intent = stripe.v1().paymentIntents().create(payment(990, StripeTestCards.VISA)
                .setCustomer(customer.getId())
                .setDescription("Rental: Sepik River Story")
                .putMetadata("transactionId", "tx-42")
                .build());

        assertThat(intent.getId()).startsWith("pi_");
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmountReceived()).isEqualTo(990L);
        assertThat(intent.getCurrency()).isEqualTo("pgk");
        assertThat(intent.getClientSecret()).startsWith(intent.getId() + "_secret_");
        assertThat(intent.getLatestCharge()).startsWith("ch_");
        assertThat(intent.getPaymentMethod()).startsWith("pm_");
        assertThat(intent.getMetadata()).containsEntry("transactionId", "tx-42");
        assertThat(intent.getLivemode()).isFalse();

        Event event = verified(webhookFor("payment_intent.succeeded", intent.getId()));
        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        PaymentIntent delivered = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(delivered.getStatus()).isEqualTo("succeeded");
        assertThat(delivered.getMetadata()).containsEntry("transactionId", "tx-42");

        Charge charge = (Charge) verified(webhookFor("charge.succeeded", intent.getLatestCharge()))
                .getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(charge.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(charge.getPaid()).isTrue();
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
    }

    @Test
    void aWebhookSignedWithAnotherSecretIsRejectedByStripeJava() {
        PaymentIntent intent = createdPayment(500, StripeTestCards.MASTERCARD);
        WebhookReceiver.Received webhook = webhookFor("payment_intent.succeeded", intent.getId());

        Throwable refused = catchThrowableOfType(SignatureVerificationException.class, () -> Webhook.constructEvent(
                webhook.body(), webhook.header("Stripe-Signature"), "whsec_someone_else", 300));

        assertThat(refused).isNotNull();
    }

    @Test
    void declinedCardThrowsCardExceptionAndSendsPaymentFailedWebhook() throws Exception {
        CardException declined = catchThrowableOfType(CardException.class,
                () -> stripe.v1().paymentIntents().create(payment(990, StripeTestCards.DECLINED).build()));

        assertThat(declined.getStatusCode()).isEqualTo(402);
        assertThat(declined.getCode()).isEqualTo("card_declined");
        assertThat(declined.getDeclineCode()).isEqualTo("generic_decline");
        assertThat(declined.getMessage()).contains("Your card was declined.");
        PaymentIntent intent = declined.getStripeError().getPaymentIntent();
        assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(intent.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");

        Event event = verified(webhookFor("payment_intent.payment_failed", intent.getId()));
        PaymentIntent failed = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(failed.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus())
                .isEqualTo("requires_payment_method");
    }

    @Test
    void insufficientFundsCardIsDeclinedWithItsDeclineCode() {
        CardException declined = catchThrowableOfType(CardException.class, () -> stripe.v1().paymentIntents()
                .create(payment(990, StripeTestCards.DECLINED_INSUFFICIENT_FUNDS).build()));

        assertThat(declined.getDeclineCode()).isEqualTo("insufficient_funds");
        assertThat(declined.getMessage()).contains("insufficient funds");
    }

    @Test
    void aDeclinedPaymentCanBeRetriedWithAnotherCard() throws Exception {
        CardException declined = catchThrowableOfType(CardException.class,
                () -> stripe.v1().paymentIntents().create(payment(700, StripeTestCards.DECLINED).build()));
        String intentId = declined.getStripeError().getPaymentIntent().getId();

        PaymentIntent retried = stripe.v1().paymentIntents().confirm(intentId,
                PaymentIntentConfirmParams.builder().setPaymentMethod(StripeTestCards.VISA).build());

        assertThat(retried.getStatus()).isEqualTo("succeeded");
        assertThat(retried.getLastPaymentError()).isNull();
    }

    @Test
    void intentWithoutPaymentMethodWaitsThenConfirmsOrCancels() throws Exception {
        PaymentIntent waiting = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(1500L).setCurrency("usd").addPaymentMethodType("card").build());
        assertThat(waiting.getStatus()).isEqualTo("requires_payment_method");
        assertThat(waiting.getAutomaticPaymentMethods()).isNull();

        PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(waiting.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod(StripeTestCards.VISA).build());
        assertThat(confirmed.getStatus()).isEqualTo("succeeded");

        PaymentIntent other = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(1500L).setCurrency("usd").addPaymentMethodType("card").build());
        assertThat(stripe.v1().paymentIntents().cancel(other.getId()).getStatus()).isEqualTo("canceled");
        InvalidRequestException cannotCancel = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().paymentIntents().cancel(confirmed.getId()));
        assertThat(cannotCancel.getCode()).isEqualTo("payment_intent_unexpected_state");
    }

    @Test
    void serverSideConfirmationWithoutReturnUrlIsRefusedWhenRedirectsAreAllowed() {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                        .setAmount(990L).setCurrency("pgk").setPaymentMethod(StripeTestCards.VISA).setConfirm(true)
                        .build()));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("return_url");
    }

    @Test
    void fullRefundSendsChargeRefundedWithTheWholeAmount() throws Exception {
        PaymentIntent intent = createdPayment(2000, StripeTestCards.VISA);

        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(intent.getId()).setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("refundRequest", "rr-1").build());

        assertThat(refund.getId()).startsWith("re_");
        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(refund.getAmount()).isEqualTo(2000L);
        assertThat(refund.getCharge()).isEqualTo(intent.getLatestCharge());
        Charge charge = (Charge) verified(webhookFor("charge.refunded", intent.getLatestCharge()))
                .getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(charge.getAmountRefunded()).isEqualTo(2000L);
        assertThat(charge.getRefunded()).isTrue();
        assertThat(charge.getPaymentIntent()).isEqualTo(intent.getId());
    }

    @Test
    void partialRefundsAddUpAndMoreThanIsLeftIsRefused() throws Exception {
        PaymentIntent intent = createdPayment(1000, StripeTestCards.VISA);

        stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId()).setAmount(300L).build());
        Refund second = stripe.v1().refunds().create(RefundCreateParams.builder()
                .setCharge(intent.getLatestCharge()).setAmount(200L).build());
        InvalidRequestException tooMuch = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().refunds().create(RefundCreateParams.builder()
                        .setPaymentIntent(intent.getId()).setAmount(600L).build()));

        assertThat(second.getAmount()).isEqualTo(200L);
        assertThat(tooMuch.getStatusCode()).isEqualTo(400);
        assertThat(tooMuch.getCode()).isEqualTo("amount_too_large");
        Charge charge = stripe.v1().charges().retrieve(intent.getLatestCharge(),
                ChargeRetrieveParams.builder().addExpand("refunds").build(), RequestOptions.getDefault());
        assertThat(charge.getAmountRefunded()).isEqualTo(500L);
        assertThat(charge.getRefunded()).isFalse();
        assertThat(charge.getRefunds().getData()).hasSize(2);
        await().atMost(WEBHOOK_WAIT).until(() -> amountsRefundedFor(intent.getLatestCharge()), List.of(300L, 500L)::equals);
    }

    private static List<Long> amountsRefundedFor(String chargeId) {
        return endpoint.events("charge.refunded").stream()
                .map(request -> Json.read(request.body()).path("data").path("object"))
                .filter(charge -> charge.path("id").asString().equals(chargeId))
                .map(charge -> charge.path("amount_refunded").asLong())
                .toList();
    }

    @Test
    void sameIdempotencyKeyReplaysTheFirstAnswerAndOtherParametersAreRefused() throws Exception {
        RequestOptions once = RequestOptions.builder().setIdempotencyKey("checkout-tx-77").build();
        PaymentIntentCreateParams params = payment(4200, StripeTestCards.VISA).putMetadata("transactionId", "tx-77").build();

        PaymentIntent first = stripe.v1().paymentIntents().create(params, once);
        PaymentIntent replayed = stripe.v1().paymentIntents().create(params, once);
        IdempotencyException changed = catchThrowableOfType(IdempotencyException.class,
                () -> stripe.v1().paymentIntents().create(payment(4300, StripeTestCards.VISA).build(), once));

        assertThat(replayed.getId()).isEqualTo(first.getId());
        assertThat(replayed.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(changed.getStatusCode()).isEqualTo(400);
        assertThat(sandbox.events("payment_intent.succeeded").stream()
                .filter(event -> event.objectId().equals(first.getId()))).hasSize(1);
    }

    @Test
    void wrongApiKeyIsAnAuthenticationFailure() {
        AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
                () -> client("sk_test_not_the_sandbox_key").v1().customers().create(CustomerCreateParams.builder().build()));

        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getMessage()).contains("Invalid API Key provided");
    }

    private static PaymentIntent createdPayment(long amount, String paymentMethod) {
        try {
            return stripe.v1().paymentIntents().create(payment(amount, paymentMethod).build());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
