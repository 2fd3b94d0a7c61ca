package com.thewans.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Stripe Billing's JSON as any client sees it, in the shapes of the API version the sandbox pins. */
class StripeBillingWireTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final long DAY = 86_400;

    private static StripeSandbox sandbox;
    private static WebhookReceiver endpoint;

    @BeforeAll
    static void start() {
        endpoint = WebhookReceiver.start();
        sandbox = StripeSandbox.start(StripeSandbox.Settings.localDefaults().withWebhookTarget(endpoint.uri("/webhooks/stripe")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        endpoint.close();
    }

    private record Answer(int status, JsonNode json) {
    }

    private static Answer post(String path, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sandbox.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static Answer get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sandbox.url() + pathAndQuery)).GET());
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.read(response.body()));
    }

    @Test
    void pricesAreFoundByTheirLookupKeysInStripesListShape() throws Exception {
        String product = post("/v1/products", "name=Wantok+Premium&metadata[tier]=premium").json().path("id").asString();
        String key = "premium-monthly-" + System.nanoTime();
        Answer monthly = post("/v1/prices", "currency=pgk&unit_amount=990&recurring[interval]=month&product=" + product
                + "&lookup_key=" + key + "&metadata[plan]=premium");
        post("/v1/prices", "currency=pgk&unit_amount=9900&recurring[interval]=year&product=" + product);
        Answer taken = post("/v1/prices", "currency=pgk&unit_amount=1000&recurring[interval]=month&product=" + product
                + "&lookup_key=" + key);

        Answer found = get("/v1/prices?lookup_keys[]=" + key + "&expand[]=data.product");

        assertThat(monthly.status()).isEqualTo(200);
        assertThat(monthly.json().path("id").asString()).startsWith("price_");
        assertThat(monthly.json().path("type").asString()).isEqualTo("recurring");
        assertThat(monthly.json().path("recurring").path("interval").asString()).isEqualTo("month");
        assertThat(monthly.json().path("recurring").path("interval_count").asLong()).isEqualTo(1L);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().path("error").path("param").asString()).isEqualTo("lookup_key");
        assertThat(found.json().path("object").asString()).isEqualTo("list");
        assertThat(found.json().path("url").asString()).isEqualTo("/v1/prices");
        assertThat(found.json().path("has_more").asBoolean()).isFalse();
        assertThat(found.json().path("data")).hasSize(1);
        JsonNode price = found.json().path("data").get(0);
        assertThat(price.path("id").asString()).isEqualTo(monthly.json().path("id").asString());
        assertThat(price.path("product").path("name").asString()).isEqualTo("Wantok Premium");
        assertThat(get("/v1/prices/" + price.path("id").asString()).json().path("metadata").path("plan").asString())
                .isEqualTo("premium");
        assertThat(get("/v1/products/" + product).json().path("metadata").path("tier").asString()).isEqualTo("premium");
    }

    @Test
    void periodsLiveOnTheSubscriptionItemAndAnInvoiceNamesItsSubscriptionUnderParent() throws Exception {
        String customer = customerOnClock(StripeTestCards.VISA);
        String price = monthlyPrice(990);

        JsonNode subscription = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price
                + "&metadata[wansSubscriptionId]=ws-42").json();
        JsonNode invoice = get("/v1/invoices/" + subscription.path("latest_invoice").asString()).json();

        assertThat(subscription.path("status").asString()).isEqualTo("active");
        assertThat(subscription.has("current_period_start")).isFalse();
        assertThat(subscription.has("current_period_end")).isFalse();
        JsonNode item = subscription.path("items").path("data").get(0);
        assertThat(item.path("object").asString()).isEqualTo("subscription_item");
        assertThat(item.path("current_period_start").asLong()).isEqualTo(NEW_YEAR.getEpochSecond());
        assertThat(item.path("current_period_end").asLong()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z").getEpochSecond());
        assertThat(item.path("price").path("id").asString()).isEqualTo(price);
        for (String removed : List.of("subscription", "subscription_details", "payment_intent", "charge", "paid")) {
            assertThat(invoice.has(removed)).as(removed).isFalse();
        }
        assertThat(invoice.path("parent").path("type").asString()).isEqualTo("subscription_details");
        JsonNode details = invoice.path("parent").path("subscription_details");
        assertThat(details.path("subscription").asString()).isEqualTo(subscription.path("id").asString());
        assertThat(details.path("metadata").path("wansSubscriptionId").asString()).isEqualTo("ws-42");
        JsonNode line = invoice.path("lines").path("data").get(0);
        assertThat(line.path("parent").path("subscription_item_details").path("subscription_item").asString())
                .isEqualTo(item.path("id").asString());
        assertThat(line.path("pricing").path("price_details").path("price").asString()).isEqualTo(price);
        assertThat(line.path("period").path("end").asLong()).isEqualTo(item.path("current_period_end").asLong());
        assertThat(invoice.path("number").asString()).matches("[A-Z0-9]{8}-0001");
        assertThat(invoice.path("hosted_invoice_url").asString()).startsWith("https://");
    }

    @Test
    void aCardThatDeclinesEverythingIsRefusedAtAttachButTheCustomerFailCardAttaches() throws Exception {
        String customer = post("/v1/customers", "email=a@example.pg").json().path("id").asString();

        Answer declined = post("/v1/payment_methods/" + StripeTestCards.DECLINED + "/attach", "customer=" + customer);
        Answer attached = post("/v1/payment_methods/" + StripeTestCards.CHARGE_CUSTOMER_FAIL + "/attach", "customer=" + customer);
        Answer notAttached = post("/v1/customers/" + customer, "invoice_settings[default_payment_method]=" + StripeTestCards.VISA);

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().path("error").path("type").asString()).isEqualTo("card_error");
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.json().path("id").asString()).startsWith("pm_").isNotEqualTo(StripeTestCards.CHARGE_CUSTOMER_FAIL);
        assertThat(attached.json().path("customer").asString()).isEqualTo(customer);
        assertThat(attached.json().path("card").path("last4").asString()).isEqualTo("0341");
        assertThat(notAttached.status()).isEqualTo(400);
        assertThat(notAttached.json().path("error").path("param").asString()).isEqualTo("invoice_settings[default_payment_method]");
    }

    @Test
    void aSubscriptionNeedsAPaymentMethodUnlessItStartsWithATrial() throws Exception {
        String customer = post("/v1/customers", "email=a@example.pg").json().path("id").asString();
        String price = monthlyPrice(990);

        Answer refused = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price);
        Answer trialing = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price + "&trial_period_days=7");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("message").asString()).contains("no attached payment source or default payment method");
        assertThat(trialing.json().path("status").asString()).isEqualTo("trialing");
    }

    @Test
    void errorIfIncompleteRefusesWithTheCardErrorAndCreatesNothing() throws Exception {
        String customer = customerOnClock(StripeTestCards.CHARGE_CUSTOMER_FAIL);

        Answer refused = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + monthlyPrice(990)
                + "&payment_behavior=error_if_incomplete");

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().path("error").path("code").asString()).isEqualTo("card_declined");
        assertThat(get("/v1/subscriptions?customer=" + customer + "&status=all").json().path("data")).isEmpty();
        assertThat(get("/v1/invoices?customer=" + customer).json().path("data")).isEmpty();
    }

    @Test
    void aFirstPaymentThatFailsLeavesTheSubscriptionIncompleteUntilItExpiresAfter23Hours() throws Exception {
        String clock = testClock();
        String customer = customerOn(clock, StripeTestCards.CHARGE_CUSTOMER_FAIL);

        Answer incomplete = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + monthlyPrice(990)
                + "&expand[]=latest_invoice");
        String id = incomplete.json().path("id").asString();
        JsonNode firstInvoice = incomplete.json().path("latest_invoice");
        post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (NEW_YEAR.getEpochSecond() + DAY));

        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.json().path("status").asString()).isEqualTo("incomplete");
        assertThat(firstInvoice.path("status").asString()).isEqualTo("open");
        assertThat(firstInvoice.path("attempt_count").asInt()).isEqualTo(1);
        assertThat(firstInvoice.path("next_payment_attempt").isNull()).isTrue();
        assertThat(get("/v1/subscriptions/" + id).json().path("status").asString()).isEqualTo("incomplete_expired");
        assertThat(get("/v1/invoices/" + firstInvoice.path("id").asString()).json().path("status").asString()).isEqualTo("void");
        JsonNode expired = awaitEvent("customer.subscription.updated", id,
                event -> event.path("data").path("previous_attributes").path("status").asString().equals("incomplete"));
        assertThat(expired.path("request").path("id").isNull()).as("made by Stripe, not by a request").isTrue();
        assertThat(expired.path("data").path("object").path("ended_at").asLong()).isEqualTo(NEW_YEAR.getEpochSecond() + 23 * 3_600);
    }

    @Test
    void defaultIncompleteWaitsForTheCustomerToConfirmTheInvoicesIntent() throws Exception {
        String customer = customerOnClock(StripeTestCards.VISA);

        String price = monthlyPrice(990);

        Answer olderVersionsExpansion = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price
                + "&payment_behavior=default_incomplete&expand[]=latest_invoice.payment_intent");
        Answer created = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price
                + "&payment_behavior=default_incomplete&expand[]=latest_invoice.confirmation_secret");
        JsonNode invoice = created.json().path("latest_invoice");
        String secret = invoice.path("confirmation_secret").path("client_secret").asString();
        String intent = secret.substring(0, secret.indexOf("_secret_"));
        Answer confirmed = post("/v1/payment_intents/" + intent + "/confirm", "payment_method=" + StripeTestCards.VISA);

        assertThat(olderVersionsExpansion.status()).isEqualTo(400);
        assertThat(olderVersionsExpansion.json().path("error").path("message").asString())
                .isEqualTo("This property cannot be expanded because it doesn't exist: payment_intent.");
        assertThat(get("/v1/subscriptions?customer=" + customer).json().path("data")).hasSize(1);
        assertThat(created.json().path("status").asString()).isEqualTo("incomplete");
        assertThat(invoice.path("status").asString()).isEqualTo("open");
        assertThat(invoice.path("attempt_count").asInt()).isZero();
        assertThat(invoice.has("payment_intent")).as("gone from invoices in this API version").isFalse();
        assertThat(invoice.path("confirmation_secret").path("type").asString()).isEqualTo("payment_intent");
        assertThat(confirmed.json().path("status").asString()).isEqualTo("succeeded");
        assertThat(get("/v1/subscriptions/" + created.json().path("id").asString()).json().path("status").asString())
                .isEqualTo("active");
        assertThat(get("/v1/invoices/" + invoice.path("id").asString()).json().path("status").asString()).isEqualTo("paid");
    }

    @Test
    void prorationsWaitForTheNextRenewalByDefault() throws Exception {
        String clock = testClock();
        String customer = customerOn(clock, StripeTestCards.VISA);
        JsonNode subscription = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + monthlyPrice(1000)).json();
        String item = subscription.path("items").path("data").get(0).path("id").asString();
        post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (NEW_YEAR.getEpochSecond() + 10 * DAY));

        JsonNode upgraded = post("/v1/subscriptions/" + subscription.path("id").asString(),
                "items[0][id]=" + item + "&items[0][price]=" + monthlyPrice(3100)).json();
        post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (NEW_YEAR.getEpochSecond() + 32 * DAY));
        JsonNode renewal = get("/v1/invoices/" + get("/v1/subscriptions/" + subscription.path("id").asString()).json()
                .path("latest_invoice").asString()).json();

        assertThat(upgraded.path("latest_invoice").asString()).isEqualTo(subscription.path("latest_invoice").asString());
        assertThat(renewal.path("billing_reason").asString()).isEqualTo("subscription_cycle");
        assertThat(StreamSupport.stream(renewal.path("lines").path("data").spliterator(), false)
                .map(line -> line.path("amount").asLong())).containsExactly(-677L, 2100L, 3100L);
        assertThat(renewal.path("amount_paid").asLong()).isEqualTo(4523L);
    }

    @Test
    void aDowngradeCreditBecomesTheCustomersBalanceAndPaysTheNextRenewal() throws Exception {
        String clock = testClock();
        String customer = customerOn(clock, StripeTestCards.VISA);
        JsonNode subscription = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + monthlyPrice(3100)).json();
        String id = subscription.path("id").asString();
        post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (NEW_YEAR.getEpochSecond() + 10 * DAY));

        JsonNode downgraded = post("/v1/subscriptions/" + id, "items[0][id]=" + itemOf(subscription)
                + "&items[0][price]=" + monthlyPrice(1000) + "&proration_behavior=always_invoice&expand[]=latest_invoice").json();
        JsonNode credit = downgraded.path("latest_invoice");
        long balanceAfterDowngrade = get("/v1/customers/" + customer).json().path("balance").asLong();
        post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (NEW_YEAR.getEpochSecond() + 32 * DAY));
        JsonNode renewal = get("/v1/invoices/" + get("/v1/subscriptions/" + id).json().path("latest_invoice").asString()).json();

        assertThat(credit.path("total").asLong()).isEqualTo(-1423L);
        assertThat(credit.path("amount_due").asLong()).isZero();
        assertThat(credit.path("status").asString()).isEqualTo("paid");
        assertThat(balanceAfterDowngrade).isEqualTo(-1423L);
        assertThat(renewal.path("total").asLong()).isEqualTo(1000L);
        assertThat(renewal.path("starting_balance").asLong()).isEqualTo(-1423L);
        assertThat(renewal.path("amount_due").asLong()).isZero();
        assertThat(renewal.path("ending_balance").asLong()).isEqualTo(-423L);
    }

    @Test
    void aNewIntervalStartsANewPeriodNowAndIsInvoicedAtOnce() throws Exception {
        String clock = testClock();
        String customer = customerOn(clock, StripeTestCards.VISA);
        JsonNode subscription = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + monthlyPrice(1000)).json();
        post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (NEW_YEAR.getEpochSecond() + 10 * DAY));
        String yearly = post("/v1/prices", "currency=pgk&unit_amount=10000&recurring[interval]=year&product_data[name]=Yearly")
                .json().path("id").asString();

        JsonNode changed = post("/v1/subscriptions/" + subscription.path("id").asString(), "items[0][id]="
                + itemOf(subscription) + "&items[0][price]=" + yearly + "&expand[]=latest_invoice").json();

        JsonNode item = changed.path("items").path("data").get(0);
        assertThat(item.path("current_period_start").asLong()).isEqualTo(NEW_YEAR.getEpochSecond() + 10 * DAY);
        assertThat(item.path("current_period_end").asLong()).isEqualTo(Instant.parse("2027-01-11T00:00:00Z").getEpochSecond());
        assertThat(changed.path("latest_invoice").path("billing_reason").asString()).isEqualTo("subscription_update");
        assertThat(changed.path("latest_invoice").path("amount_paid").asLong()).isEqualTo(10000L - 677L);
    }

    @Test
    void errorIfIncompleteOnAnUpgradeThatIsDeclinedLeavesTheSubscriptionAsItWas() throws Exception {
        String clock = testClock();
        String customer = customerOn(clock, StripeTestCards.VISA);
        String basic = monthlyPrice(1000);
        JsonNode subscription = post("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + basic).json();
        String card = post("/v1/payment_methods/" + StripeTestCards.CHARGE_CUSTOMER_FAIL + "/attach", "customer=" + customer)
                .json().path("id").asString();
        post("/v1/customers/" + customer, "invoice_settings[default_payment_method]=" + card);

        Answer refused = post("/v1/subscriptions/" + subscription.path("id").asString(), "items[0][id]=" + itemOf(subscription)
                + "&items[0][price]=" + monthlyPrice(3100) + "&proration_behavior=always_invoice"
                + "&payment_behavior=error_if_incomplete");

        JsonNode after = get("/v1/subscriptions/" + subscription.path("id").asString()).json();
        assertThat(refused.status()).isEqualTo(402);
        assertThat(after.path("status").asString()).isEqualTo("active");
        assertThat(after.path("items").path("data").get(0).path("price").path("id").asString()).isEqualTo(basic);
        assertThat(after.path("latest_invoice").asString()).isEqualTo(subscription.path("latest_invoice").asString());
        assertThat(get("/v1/invoices?subscription=" + subscription.path("id").asString()).json().path("data")).hasSize(1);
    }

    @Test
    void subscriptionsWithoutATestClockRenewOnTheSandboxesOwnClock() throws Exception {
        MovableClock time = new MovableClock(NEW_YEAR);
        try (StripeSandbox own = StripeSandbox.start(StripeSandbox.Settings.localDefaults().withClock(time))) {
            StripeSandbox outer = sandbox;
            sandbox = own;
            try {
                String customer = post("/v1/customers", "email=a@example.pg").json().path("id").asString();
                String card = post("/v1/payment_methods/pm_card_visa/attach", "customer=" + customer).json().path("id").asString();
                String id = post("/v1/subscriptions", "customer=" + customer + "&default_payment_method=" + card
                        + "&items[0][price]=" + monthlyPrice(990)).json().path("id").asString();

                time.moveTo(Instant.parse("2026-02-01T00:00:01Z"));
                JsonNode renewed = get("/v1/subscriptions/" + id + "?expand[]=latest_invoice").json();

                assertThat(renewed.path("latest_invoice").path("billing_reason").asString()).isEqualTo("subscription_cycle");
                assertThat(renewed.path("latest_invoice").path("status").asString()).isEqualTo("paid");
                assertThat(renewed.path("items").path("data").get(0).path("current_period_end").asLong())
                        .isEqualTo(Instant.parse("2026-03-01T00:00:00Z").getEpochSecond());
            } finally {
                sandbox = outer;
            }
        }
    }

    // ---- helpers

    /** A clock a test moves by hand, for the sandbox's own time. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void moveTo(Instant later) {
            now = later;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String itemOf(JsonNode subscription) {
        return subscription.path("items").path("data").get(0).path("id").asString();
    }

    private static String testClock() throws Exception {
        return post("/v1/test_helpers/test_clocks", "frozen_time=" + NEW_YEAR.getEpochSecond()).json().path("id").asString();
    }

    private static String customerOnClock(String testPaymentMethod) throws Exception {
        return customerOn(testClock(), testPaymentMethod);
    }

    private static String customerOn(String clock, String testPaymentMethod) throws Exception {
        String customer = post("/v1/customers", "email=a@example.pg&test_clock=" + clock).json().path("id").asString();
        String card = post("/v1/payment_methods/" + testPaymentMethod + "/attach", "customer=" + customer).json()
                .path("id").asString();
        post("/v1/customers/" + customer, "invoice_settings[default_payment_method]=" + card);
        return customer;
    }

    private static String monthlyPrice(long amount) throws Exception {
        return post("/v1/prices", "currency=pgk&unit_amount=" + amount + "&recurring[interval]=month"
                + "&product_data[name]=Plan+" + amount).json().path("id").asString();
    }

    private static JsonNode awaitEvent(String type, String objectId, java.util.function.Predicate<JsonNode> which) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.events(type).stream()
                .map(request -> Json.read(request.body()))
                .filter(event -> event.path("data").path("object").path("id").asString().equals(objectId) && which.test(event))
                .findFirst().orElse(null), event -> event != null);
    }
}
