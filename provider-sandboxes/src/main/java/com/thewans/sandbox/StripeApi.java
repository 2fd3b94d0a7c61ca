package com.thewans.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.thewans.sandbox.StripeTestCards.Card;
import com.thewans.sandbox.StripeTestCards.Outcome;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe sandbox's objects and what its endpoints do to them. Not thread-safe: StripeSandbox
 * calls it under one lock, which also keeps each request's events in order.
 */
final class StripeApi {

    /**
     * Where the events an API call causes go; the key keeps one payment's (or one subscription's)
     * events in order. {@code previousAttributes} is the {@code data.previous_attributes} of an
     * {@code *.updated} event, or null; {@code automatic} events are Stripe's own doing (a renewal,
     * a retry), so they name no request.
     */
    interface EventSink {
        void emit(String type, String orderingKey, ObjectNode object, ObjectNode previousAttributes, boolean automatic);
    }

    /** An event made while events are held back, sent once the work that made it has succeeded. */
    record HeldEvent(String type, String orderingKey, ObjectNode object, ObjectNode previousAttributes,
                     boolean automatic) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> REFUND_REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");
    private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
            "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");
    private static final Set<String> CANCELABLE = Set.of("requires_payment_method", "requires_capture",
            "requires_confirmation", "requires_action", "processing");
    private static final Set<String> CONFIRMABLE = Set.of("requires_payment_method", "requires_confirmation",
            "requires_action");

    private final Clock clock;
    private final EventSink sink;
    private final StripeBilling billing;
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, PaymentMethod> paymentMethods = new HashMap<>();
    private final Map<String, PaymentIntent> paymentIntents = new HashMap<>();
    private final Map<String, Charge> charges = new HashMap<>();
    private final Map<String, Refund> refunds = new HashMap<>();

    /** The lane every event goes to while one subscription changes, so its events arrive in order. */
    private String lane;
    /** A test clock's time while the objects on it change; null means the sandbox's clock. */
    private Long frozenTime;
    private boolean automatic;
    private List<HeldEvent> held;

    StripeApi(Clock clock, EventSink sink) {
        this.clock = clock;
        this.sink = sink;
        this.billing = new StripeBilling(this);
    }

    StripeBilling billing() {
        return billing;
    }

    // ---- the context events and timestamps are made in

    void emit(String type, String orderingKey, ObjectNode object) {
        emit(type, orderingKey, object, null);
    }

    void emit(String type, String orderingKey, ObjectNode object, ObjectNode previousAttributes) {
        HeldEvent event = new HeldEvent(type, lane != null ? lane : orderingKey, object, previousAttributes, automatic);
        if (held != null) {
            held.add(event);
        } else {
            sink.emit(event.type(), event.orderingKey(), event.object(), event.previousAttributes(), event.automatic());
        }
    }

    /** Holds back the events made from now on; returns what was held before, for {@link #takeHeldEvents}. */
    List<HeldEvent> holdEvents() {
        List<HeldEvent> outer = held;
        held = new ArrayList<>();
        return outer;
    }

    /** The events held since {@link #holdEvents}, no longer held; {@code outer} is held again. */
    List<HeldEvent> takeHeldEvents(List<HeldEvent> outer) {
        List<HeldEvent> mine = held;
        held = outer;
        return mine;
    }

    void emitAll(List<HeldEvent> events) {
        for (HeldEvent event : events) {
            if (held != null) {
                held.add(event);
            } else {
                sink.emit(event.type(), event.orderingKey(), event.object(), event.previousAttributes(), event.automatic());
            }
        }
    }

    /**
     * Runs {@code work} at {@code time} (a test clock's, or null for the sandbox's clock) with its
     * events in {@code laneKey}'s lane; {@code byStripe} marks them as made by Stripe, not a request.
     */
    <T> T acting(Long time, String laneKey, boolean byStripe, Supplier<T> work) {
        Long outerTime = frozenTime;
        String outerLane = lane;
        boolean outerAutomatic = automatic;
        frozenTime = time;
        lane = laneKey;
        automatic = byStripe;
        try {
            return work.get();
        } finally {
            frozenTime = outerTime;
            lane = outerLane;
            automatic = outerAutomatic;
        }
    }

    // ---- the objects, kept as plain state and drawn as Stripe's JSON whenever asked

    static final class Customer {
        String id;
        long created;
        String email;
        String name;
        String description;
        String phone;
        String invoicePrefix;
        Map<String, String> metadata = new LinkedHashMap<>();
        String testClock;
        String defaultPaymentMethod;
        /** Negative is credit the next invoices use up, as Stripe's customer balance. */
        long balance;
        String currency;
        int nextInvoiceSequence = 1;
    }

    static final class PaymentMethod {
        String id;
        long created;
        Card card;
        int expMonth;
        int expYear;
        String fingerprint;
        String customer;
    }

    static final class PaymentIntent {
        String id;
        /** The invoice this intent collects, which API version 2026-07-29 no longer shows on the intent. */
        String invoice;
        long created;
        long amount;
        String currency;
        String customer;
        String description;
        String receiptEmail;
        String statementDescriptor;
        Map<String, String> metadata = new LinkedHashMap<>();
        String status;
        String paymentMethod;
        String latestCharge;
        long amountReceived;
        String clientSecret;
        ObjectNode lastPaymentError;
        Long canceledAt;
        String cancellationReason;
        boolean automaticPaymentMethods;
        String allowRedirects;
        List<String> paymentMethodTypes;
        String captureMethod;
        String setupFutureUsage;
    }

    private static final class Charge {
        String id;
        long created;
        long amount;
        String currency;
        String customer;
        String description;
        String receiptEmail;
        Map<String, String> metadata;
        String paymentIntent;
        PaymentMethod paymentMethod;
        boolean succeeded;
        String balanceTransaction;
        long amountRefunded;
        List<String> refunds = new ArrayList<>();
    }

    private static final class Refund {
        String id;
        long created;
        long amount;
        String currency;
        String charge;
        String paymentIntent;
        String customer;
        String paymentMethod;
        String reason;
        String balanceTransaction;
        Map<String, String> metadata;
    }

    // ---- customers

    ObjectNode createCustomer(Params params) {
        Customer customer = new Customer();
        customer.id = Ids.stripe("cus");
        customer.testClock = params.text("test_clock");
        // a customer on a test clock is made at the clock's time, as everything billed to it
        customer.created = customer.testClock == null ? now() : billing.testClockTime(customer.testClock, "test_clock");
        customer.email = params.text("email");
        customer.name = params.text("name");
        customer.description = params.text("description");
        customer.phone = params.text("phone");
        customer.invoicePrefix = Ids.random(8).toUpperCase(Locale.ROOT);
        customer.metadata = withoutEmpty(params.metadata());
        PaymentMethod attached = null;
        if (params.text("payment_method") != null) {
            attached = attachable(params.text("payment_method"), "payment_method");
        }
        customers.put(customer.id, customer);
        if (attached != null) {
            attached.customer = customer.id;
        }
        Params invoiceSettings = params.map("invoice_settings");
        if (invoiceSettings != null && invoiceSettings.text("default_payment_method") != null) {
            try {
                customer.defaultPaymentMethod = attachedTo(invoiceSettings.text("default_payment_method"), customer.id,
                        "invoice_settings[default_payment_method]");
            } catch (StripeFailure refused) {
                customers.remove(customer.id);
                if (attached != null) {
                    attached.customer = null;
                }
                throw refused;
            }
        }
        emit("customer.created", customer.id, render(customer));
        if (attached != null) {
            emit("payment_method.attached", customer.id, render(attached));
        }
        return render(customer);
    }

    /**
     * An adjustment of the customer's balance: negative is credit, which the next invoices with
     * something to pay use up (a trial's invoice of nothing leaves it), as Stripe's customer balance.
     */
    ObjectNode createBalanceTransaction(String customerId, Params params) {
        Customer customer = customers.get(customerId);
        if (customer == null) {
            throw StripeFailure.noSuch("customer", customerId, "id");
        }
        Long amount = params.integer("amount");
        if (amount == null) {
            throw StripeFailure.missingParam("amount");
        }
        String currency = currency(params.required("currency"));
        if (customer.currency != null && !customer.currency.equals(currency)) {
            throw StripeFailure.invalid("currency", "The customer's balance is in " + customer.currency
                    + "; adjustments must be too.");
        }
        customer.currency = currency;
        customer.balance += amount;
        ObjectNode node = JSON.objectNode();
        node.put("id", Ids.stripe("cbtxn"));
        node.put("object", "customer_balance_transaction");
        node.put("amount", amount);
        node.put("created", now());
        node.putNull("credit_note");
        node.put("currency", currency);
        node.put("customer", customer.id);
        node.put("description", params.text("description"));
        node.put("ending_balance", customer.balance);
        node.putNull("invoice");
        node.put("livemode", false);
        node.set("metadata", metadata(withoutEmpty(params.metadata())));
        node.put("type", "adjustment");
        emit("customer.updated", customer.id, render(customer));
        return node;
    }

    /** The customer behind an id in a request body, or Stripe's 400. */
    Customer customerRecord(String id, String param) {
        Customer customer = customers.get(id);
        if (customer == null) {
            throw StripeFailure.noSuchReferenced("customer", id, param);
        }
        return customer;
    }

    ObjectNode customer(String id) {
        Customer customer = customers.get(id);
        if (customer == null) {
            throw StripeFailure.noSuch("customer", id, "id");
        }
        return render(customer);
    }

    ObjectNode updateCustomer(String id, Params params) {
        Customer customer = customers.get(id);
        if (customer == null) {
            throw StripeFailure.noSuch("customer", id, "id");
        }
        Params invoiceSettings = params.map("invoice_settings");
        String defaultPaymentMethod = customer.defaultPaymentMethod;
        if (invoiceSettings != null && invoiceSettings.has("default_payment_method")) {
            String chosen = invoiceSettings.text("default_payment_method");
            defaultPaymentMethod = chosen == null ? null
                    : attachedTo(chosen, customer.id, "invoice_settings[default_payment_method]");
        }
        if (params.has("email")) {
            customer.email = params.text("email");
        }
        if (params.has("name")) {
            customer.name = params.text("name");
        }
        if (params.has("description")) {
            customer.description = params.text("description");
        }
        if (params.has("phone")) {
            customer.phone = params.text("phone");
        }
        customer.defaultPaymentMethod = defaultPaymentMethod;
        mergeMetadata(customer.metadata, params);
        emit("customer.updated", customer.id, render(customer));
        return render(customer);
    }

    // ---- payment intents

    ObjectNode createPaymentIntent(Params params) {
        long amount = positiveAmount(params.integer("amount"), "amount");
        String currency = currency(params.required("currency"));
        PaymentIntent intent = new PaymentIntent();
        intent.id = Ids.stripe("pi");
        intent.created = now();
        intent.amount = amount;
        intent.currency = currency;
        intent.customer = existingCustomer(params.text("customer"));
        intent.description = params.text("description");
        intent.receiptEmail = params.text("receipt_email");
        intent.statementDescriptor = params.text("statement_descriptor");
        intent.metadata = withoutEmpty(params.metadata());
        intent.clientSecret = intent.id + "_secret_" + Ids.random(25);
        intent.setupFutureUsage = params.text("setup_future_usage");
        intent.captureMethod = params.text("capture_method") == null ? "automatic_async" : params.text("capture_method");
        if (intent.captureMethod.equals("manual")) {
            throw StripeFailure.invalid("capture_method",
                    "The sandbox captures every payment: capture_method=manual is not supported here.");
        }
        List<String> types = params.strings("payment_method_types");
        Params automatic = params.map("automatic_payment_methods");
        if (!types.isEmpty() && automatic != null && Boolean.TRUE.equals(automatic.bool("enabled"))) {
            throw StripeFailure.invalid("automatic_payment_methods",
                    "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.");
        }
        if (types.isEmpty()) {
            // Stripe turns automatic payment methods on when no types are named (since 2023-08-16)
            intent.automaticPaymentMethods = automatic == null || !Boolean.FALSE.equals(automatic.bool("enabled"));
            intent.allowRedirects = automatic != null && automatic.text("allow_redirects") != null
                    ? automatic.text("allow_redirects") : "always";
            intent.paymentMethodTypes = List.of("card");
        } else {
            intent.paymentMethodTypes = List.copyOf(types);
        }
        boolean confirm = Boolean.TRUE.equals(params.bool("confirm"));
        if (confirm) {
            // a create-and-confirm that cannot be confirmed creates nothing
            checkConfirmable(intent, params.text("payment_method") != null || params.has("payment_method_data"),
                    params.text("return_url"));
        }
        String paymentMethod = paymentMethodFrom(params, intent.customer);
        intent.paymentMethod = paymentMethod;
        intent.status = paymentMethod == null ? "requires_payment_method" : "requires_confirmation";
        paymentIntents.put(intent.id, intent);
        emit("payment_intent.created", intent.id, render(intent));
        if (confirm) {
            return confirm(intent, paymentMethod, params);
        }
        return render(intent);
    }

    ObjectNode paymentIntent(String id) {
        return render(intent(id));
    }

    ObjectNode updatePaymentIntent(String id, Params params) {
        PaymentIntent intent = intent(id);
        if (!CONFIRMABLE.contains(intent.status)) {
            throw StripeFailure.unexpectedState("You cannot update this PaymentIntent because it has a status of "
                    + intent.status + ". Updates are only allowed when the PaymentIntent has one of the following "
                    + "statuses: requires_payment_method, requires_confirmation, requires_action.");
        }
        if (params.has("amount")) {
            intent.amount = positiveAmount(params.integer("amount"), "amount");
        }
        if (params.has("currency")) {
            intent.currency = currency(params.required("currency"));
        }
        if (params.has("customer")) {
            intent.customer = existingCustomer(params.text("customer"));
        }
        if (params.has("description")) {
            intent.description = params.text("description");
        }
        if (params.has("receipt_email")) {
            intent.receiptEmail = params.text("receipt_email");
        }
        String paymentMethod = paymentMethodFrom(params, intent.customer);
        if (paymentMethod != null) {
            intent.paymentMethod = paymentMethod;
            intent.status = "requires_confirmation";
        }
        mergeMetadata(intent.metadata, params);
        return render(intent);
    }

    ObjectNode confirmPaymentIntent(String id, Params params) {
        PaymentIntent intent = intent(id);
        checkConfirmable(intent, params.text("payment_method") != null || params.has("payment_method_data"),
                params.text("return_url"));
        String chosen = paymentMethodFrom(params, intent.customer);
        if (intent.invoice == null) {
            return confirm(intent, chosen != null ? chosen : intent.paymentMethod, params);
        }
        // an invoice's own intent, confirmed by the customer (a default_incomplete subscription): paying it pays the invoice
        return acting(billing.clockTimeOf(intent.invoice), billing.laneOf(intent.invoice), false, () -> {
            ObjectNode confirmed = confirm(intent, chosen != null ? chosen : intent.paymentMethod, params);
            billing.invoiceIntentSucceeded(intent.invoice);
            return confirmed;
        });
    }

    // ---- the payment intents invoices are collected with

    /** The default payment an invoice makes at finalization: a card intent waiting for its payment method. */
    String createInvoicePayment(String invoice, long amount, String currency, String customer, String description) {
        PaymentIntent intent = new PaymentIntent();
        intent.id = Ids.stripe("pi");
        intent.invoice = invoice;
        intent.created = now();
        intent.amount = amount;
        intent.currency = currency;
        intent.customer = customer;
        intent.description = description;
        intent.clientSecret = intent.id + "_secret_" + Ids.random(25);
        intent.captureMethod = "automatic_async";
        intent.paymentMethodTypes = List.of("card");
        intent.status = "requires_payment_method";
        paymentIntents.put(intent.id, intent);
        emit("payment_intent.created", intent.id, render(intent));
        return intent.id;
    }

    String clientSecret(String paymentIntent) {
        return intent(paymentIntent).clientSecret;
    }

    /** Charges an invoice's intent off-session; null when it succeeded, else the card error Stripe answers. */
    StripeFailure chargeInvoicePayment(String paymentIntent, String paymentMethod) {
        try {
            confirm(intent(paymentIntent), paymentMethod, new Params(Map.of()));
            return null;
        } catch (StripeFailure declined) {
            return declined;
        }
    }

    void cancelInvoicePayment(String paymentIntent) {
        PaymentIntent intent = intent(paymentIntent);
        if (CANCELABLE.contains(intent.status)) {
            intent.status = "canceled";
            intent.canceledAt = now();
            intent.cancellationReason = "void_invoice";
            emit("payment_intent.canceled", intent.id, render(intent));
        }
    }

    ObjectNode cancelPaymentIntent(String id, Params params) {
        PaymentIntent intent = intent(id);
        if (!CANCELABLE.contains(intent.status)) {
            throw StripeFailure.unexpectedState("You cannot cancel this PaymentIntent because it has a status of "
                    + intent.status + ". Only a PaymentIntent with one of the following statuses may be canceled: "
                    + "requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.");
        }
        String reason = params.text("cancellation_reason");
        if (reason != null && !Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned").contains(reason)) {
            throw StripeFailure.invalid("cancellation_reason", "Invalid cancellation_reason: must be one of "
                    + "duplicate, fraudulent, requested_by_customer, or abandoned");
        }
        intent.status = "canceled";
        intent.canceledAt = now();
        intent.cancellationReason = reason;
        emit("payment_intent.canceled", intent.id, render(intent));
        return render(intent);
    }

    /** The refusals Stripe gives before it tries a card, so nothing changes when one applies. */
    private void checkConfirmable(PaymentIntent intent, boolean paymentMethodGiven, String returnUrl) {
        if ("succeeded".equals(intent.status)) {
            throw StripeFailure.unexpectedState("You cannot confirm this PaymentIntent because it has already "
                    + "succeeded after being previously confirmed.");
        }
        if (intent.status != null && !CONFIRMABLE.contains(intent.status)) {
            throw StripeFailure.unexpectedState("You cannot confirm this PaymentIntent because it has a status of "
                    + intent.status + ". Only a PaymentIntent with one of the following statuses may be confirmed: "
                    + "requires_confirmation, requires_payment_method, requires_action.");
        }
        if (!paymentMethodGiven && intent.paymentMethod == null) {
            throw StripeFailure.unexpectedState("You cannot confirm this PaymentIntent because it's missing a payment "
                    + "method. You can either update the PaymentIntent with a payment method and then confirm it "
                    + "again, or confirm it again directly with a payment method.");
        }
        if (intent.automaticPaymentMethods && !"never".equals(intent.allowRedirects) && returnUrl == null) {
            // what real Stripe answers a server-side confirmation that could need a redirect
            throw StripeFailure.invalid(null, "A `return_url` must be specified because this Payment Intent is "
                    + "configured to automatically accept the payment methods enabled in the Dashboard, some of which "
                    + "may require a full page redirect to succeed. If you do not want to accept redirect-based "
                    + "payment methods, set `automatic_payment_methods[enabled]` to `true` and "
                    + "`automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and "
                    + "Payment Intents.");
        }
    }

    private ObjectNode confirm(PaymentIntent intent, String paymentMethodId, Params params) {
        if (params.has("receipt_email")) {
            intent.receiptEmail = params.text("receipt_email");
        }
        PaymentMethod paymentMethod = paymentMethods.get(paymentMethodId);
        Charge charge = new Charge();
        charge.id = Ids.stripe("ch");
        charge.created = now();
        charge.amount = intent.amount;
        charge.currency = intent.currency;
        charge.customer = intent.customer;
        charge.description = intent.description;
        charge.receiptEmail = intent.receiptEmail;
        charge.metadata = new LinkedHashMap<>(intent.metadata);
        charge.paymentIntent = intent.id;
        charge.paymentMethod = paymentMethod;
        charge.succeeded = paymentMethod.card.outcome() == Outcome.SUCCEEDS;
        charge.balanceTransaction = charge.succeeded ? Ids.stripe("txn") : null;
        charges.put(charge.id, charge);
        intent.latestCharge = charge.id;

        if (charge.succeeded) {
            intent.status = "succeeded";
            intent.amountReceived = intent.amount;
            intent.paymentMethod = paymentMethod.id;
            intent.lastPaymentError = null;
            emit("charge.succeeded", intent.id, render(charge, false));
            emit("payment_intent.succeeded", intent.id, render(intent));
            return render(intent);
        }
        Outcome outcome = paymentMethod.card.outcome();
        ObjectNode error = JSON.objectNode();
        error.put("charge", charge.id);
        error.put("code", "card_declined");
        error.put("decline_code", outcome.declineCode);
        error.put("doc_url", StripeFailure.docUrl("card_declined"));
        error.put("message", outcome.message);
        error.set("payment_method", render(paymentMethod));
        error.put("type", "card_error");
        intent.status = "requires_payment_method";
        intent.paymentMethod = null;
        intent.lastPaymentError = error;
        emit("charge.failed", intent.id, render(charge, false));
        emit("payment_intent.payment_failed", intent.id, render(intent));
        ObjectNode answer = error.deepCopy();
        answer.set("payment_intent", render(intent));
        throw StripeFailure.of(402, answer);
    }

    // ---- charges, payment methods

    ObjectNode charge(String id, Set<String> expand) {
        Charge charge = charges.get(id);
        if (charge == null) {
            throw StripeFailure.noSuch("charge", id, "id");
        }
        return render(charge, expand.contains("refunds"));
    }

    ObjectNode paymentMethod(String id) {
        PaymentMethod paymentMethod = paymentMethods.get(id);
        if (paymentMethod == null) {
            throw StripeFailure.noSuch("PaymentMethod", id, "payment_method");
        }
        return render(paymentMethod);
    }

    ObjectNode attachPaymentMethod(String id, Params params) {
        String customerId = params.required("customer");
        customerRecord(customerId, "customer");
        PaymentMethod existing = paymentMethods.get(id);
        if (existing != null && customerId.equals(existing.customer)) {
            return render(existing);
        }
        PaymentMethod paymentMethod = attachable(id, null);
        paymentMethod.customer = customerId;
        emit("payment_method.attached", customerId, render(paymentMethod));
        return render(paymentMethod);
    }

    ObjectNode detachPaymentMethod(String id) {
        PaymentMethod paymentMethod = paymentMethods.get(id);
        if (paymentMethod == null) {
            throw StripeFailure.noSuch("PaymentMethod", id, "payment_method");
        }
        if (paymentMethod.customer == null) {
            throw StripeFailure.invalid(null, "The payment method " + id + " is not attached to a customer.");
        }
        Customer customer = customers.get(paymentMethod.customer);
        if (id.equals(customer.defaultPaymentMethod)) {
            customer.defaultPaymentMethod = null;
        }
        String customerId = paymentMethod.customer;
        paymentMethod.customer = null;
        emit("payment_method.detached", customerId, render(paymentMethod));
        return render(paymentMethod);
    }

    /**
     * A payment method that may be attached: a stored one nobody has yet, or a new one from a test
     * payment method such as pm_card_visa (each attach of those makes a new pm_ object, as in
     * Stripe). A card that declines everything is refused as Stripe's check at attach refuses it.
     */
    private PaymentMethod attachable(String id, String param) {
        PaymentMethod paymentMethod = paymentMethods.get(id);
        Card card;
        if (paymentMethod != null) {
            if (paymentMethod.customer != null) {
                throw StripeFailure.invalid(param, "The payment method you provided has already been attached to a customer.");
            }
            card = paymentMethod.card;
        } else {
            card = StripeTestCards.byTestMethod(id).orElseThrow(() -> param == null
                    ? StripeFailure.noSuch("PaymentMethod", id, "payment_method")
                    : StripeFailure.noSuchReferenced("PaymentMethod", id, param));
        }
        if (!card.attachable()) {
            ObjectNode error = JSON.objectNode();
            error.put("code", "card_declined");
            error.put("decline_code", card.outcome().declineCode);
            error.put("doc_url", StripeFailure.docUrl("card_declined"));
            error.put("message", card.outcome().message);
            error.put("type", "card_error");
            throw StripeFailure.of(402, error);
        }
        return paymentMethod != null ? paymentMethod : newPaymentMethod(card, 12, year() + 3, null);
    }

    /** A payment method id that is attached to the customer, as defaults must be, else Stripe's 400. */
    String attachedTo(String paymentMethod, String customer, String param) {
        PaymentMethod known = paymentMethods.get(paymentMethod);
        if (known == null || !customer.equals(known.customer)) {
            throw StripeFailure.invalidRequest(400, "resource_missing", param, "The customer does not have a payment "
                    + "method with the ID " + paymentMethod + ". The payment method must be attached to the customer.");
        }
        return paymentMethod;
    }

    /** The payment method id if it is still attached to the customer, else null. */
    String stillAttached(String paymentMethod, String customer) {
        PaymentMethod known = paymentMethod == null ? null : paymentMethods.get(paymentMethod);
        return known != null && customer.equals(known.customer) ? paymentMethod : null;
    }

    /** The payment method a request names, as a stored pm_ id, or null when it names none. */
    private String paymentMethodFrom(Params params, String customer) {
        String named = params.text("payment_method");
        Params data = params.map("payment_method_data");
        if (named != null && data != null) {
            throw StripeFailure.invalid("payment_method_data",
                    "You cannot specify both `payment_method` and `payment_method_data`.");
        }
        if (named != null) {
            if (paymentMethods.containsKey(named)) {
                return named;
            }
            Card card = StripeTestCards.byTestMethod(named)
                    .orElseThrow(() -> StripeFailure.noSuchReferenced("PaymentMethod", named, "payment_method"));
            return newPaymentMethod(card, 12, year() + 3, customer).id;
        }
        if (data == null) {
            return null;
        }
        String type = data.text("type");
        if (type == null) {
            throw StripeFailure.missingParam("payment_method_data[type]");
        }
        if (!type.equals("card")) {
            throw StripeFailure.invalid("payment_method_data[type]",
                    "The sandbox takes card payment methods only, not '" + type + "'.");
        }
        Params card = data.map("card");
        if (card == null || card.text("number") == null) {
            throw StripeFailure.missingParam("payment_method_data[card][number]");
        }
        Long month = card.integer("exp_month");
        Long expYear = card.integer("exp_year");
        return newPaymentMethod(StripeTestCards.byNumber(card.text("number")),
                month == null ? 12 : month.intValue(), expYear == null ? year() + 3 : expYear.intValue(), customer).id;
    }

    private PaymentMethod newPaymentMethod(Card card, int expMonth, int expYear, String customer) {
        PaymentMethod paymentMethod = new PaymentMethod();
        paymentMethod.id = Ids.stripe("pm");
        paymentMethod.created = now();
        paymentMethod.card = card;
        paymentMethod.expMonth = expMonth;
        paymentMethod.expYear = expYear;
        // one fingerprint per card number, as Stripe gives
        paymentMethod.fingerprint = Hmac.sha256Hex("fingerprint", card.brand() + card.last4()).substring(0, 16);
        paymentMethod.customer = null;
        paymentMethods.put(paymentMethod.id, paymentMethod);
        return paymentMethod;
    }

    // ---- refunds

    ObjectNode createRefund(Params params) {
        String intentId = params.text("payment_intent");
        String chargeId = params.text("charge");
        if (intentId == null && chargeId == null) {
            throw StripeFailure.invalid(null,
                    "One of the following params should be provided for this request: payment_intent or charge.");
        }
        Charge charge;
        if (intentId != null) {
            PaymentIntent intent = paymentIntents.get(intentId);
            if (intent == null) {
                throw StripeFailure.noSuchReferenced("payment_intent", intentId, "payment_intent");
            }
            if (!intent.status.equals("succeeded")) {
                throw StripeFailure.invalidRequest(400, "charge_not_refundable", "payment_intent",
                        "This PaymentIntent does not have a successful charge to refund.");
            }
            charge = charges.get(intent.latestCharge);
            if (chargeId != null && !chargeId.equals(charge.id)) {
                throw StripeFailure.invalid("charge", "The charge " + chargeId + " does not belong to PaymentIntent "
                        + intentId + ".");
            }
        } else {
            charge = charges.get(chargeId);
            if (charge == null) {
                throw StripeFailure.noSuchReferenced("charge", chargeId, "charge");
            }
            if (!charge.succeeded) {
                throw StripeFailure.invalidRequest(400, "charge_not_refundable", "charge",
                        "Charge " + chargeId + " has not succeeded and cannot be refunded.");
            }
        }
        long left = charge.amount - charge.amountRefunded;
        if (left == 0) {
            throw StripeFailure.invalidRequest(400, "charge_already_refunded", null,
                    "Charge " + charge.id + " has already been refunded.");
        }
        Long asked = params.integer("amount");
        long amount = asked == null ? left : positiveAmount(asked, "amount");
        if (amount > left) {
            throw StripeFailure.invalidRequest(400, "amount_too_large", "amount",
                    "Refund amount (" + money(amount, charge.currency) + ") is greater than unrefunded amount on charge ("
                            + money(left, charge.currency) + ")");
        }
        String reason = params.text("reason");
        if (reason != null && !REFUND_REASONS.contains(reason)) {
            throw StripeFailure.invalid("reason",
                    "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
        }
        Refund refund = new Refund();
        refund.id = Ids.stripe("re");
        refund.created = now();
        refund.amount = amount;
        refund.currency = charge.currency;
        refund.charge = charge.id;
        refund.paymentIntent = charge.paymentIntent;
        refund.customer = charge.customer;
        refund.paymentMethod = charge.paymentMethod.id;
        refund.reason = reason;
        refund.balanceTransaction = Ids.stripe("txn");
        refund.metadata = withoutEmpty(params.metadata());
        refunds.put(refund.id, refund);
        charge.amountRefunded += amount;
        charge.refunds.add(0, refund.id);
        emit("charge.refunded", charge.paymentIntent, render(charge, false));
        emit("refund.created", charge.paymentIntent, render(refund));
        return render(refund);
    }

    ObjectNode refund(String id) {
        Refund refund = refunds.get(id);
        if (refund == null) {
            throw StripeFailure.noSuch("refund", id, "id");
        }
        return render(refund);
    }

    // ---- expansion: an id in a top-level field replaced by the object it names

    ObjectNode expand(ObjectNode object, Set<String> paths) {
        for (String path : paths) {
            expand(object, List.of(path.split("\\.")), 0);
        }
        return object;
    }

    /**
     * One step of a path such as {@code latest_invoice.payments.data.payment.payment_intent}: an id
     * becomes its object, {@code data} walks a list, and a field Stripe leaves out unless asked
     * (an invoice's {@code payments}, {@code confirmation_secret}) is put in. A name the object
     * does not have is passed over.
     */
    private void expand(JsonNode node, List<String> path, int step) {
        if (step == path.size() || !(node instanceof ObjectNode object)) {
            return;
        }
        String field = path.get(step);
        JsonNode value = object.get(field);
        if (value == null) {
            value = billing.includable(object, field);
            if (value == null) {
                return;
            }
            object.set(field, value);
        }
        if (value.isString()) {
            ObjectNode expanded = byId(value.asString());
            if (expanded == null) {
                return;
            }
            object.set(field, expanded);
            value = expanded;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                expand(element, path, step + 1);
            }
            return;
        }
        expand(value, path, step + 1);
    }

    ObjectNode byId(String id) {
        if (customers.containsKey(id)) {
            return render(customers.get(id));
        }
        if (paymentMethods.containsKey(id)) {
            return render(paymentMethods.get(id));
        }
        if (paymentIntents.containsKey(id)) {
            return render(paymentIntents.get(id));
        }
        if (charges.containsKey(id)) {
            return render(charges.get(id), false);
        }
        if (refunds.containsKey(id)) {
            return render(refunds.get(id));
        }
        return billing.byId(id);
    }

    // ---- drawing the objects

    private ObjectNode render(Customer customer) {
        ObjectNode node = JSON.objectNode();
        node.put("id", customer.id);
        node.put("object", "customer");
        node.putNull("address");
        node.put("balance", customer.balance);
        node.put("created", customer.created);
        node.put("currency", customer.currency);
        node.putNull("default_source");
        node.put("delinquent", false);
        node.put("description", customer.description);
        node.put("email", customer.email);
        node.put("invoice_prefix", customer.invoicePrefix);
        ObjectNode invoiceSettings = node.putObject("invoice_settings");
        invoiceSettings.putNull("custom_fields");
        invoiceSettings.put("default_payment_method", customer.defaultPaymentMethod);
        invoiceSettings.putNull("footer");
        invoiceSettings.putNull("rendering_options");
        node.put("livemode", false);
        node.set("metadata", metadata(customer.metadata));
        node.put("name", customer.name);
        node.put("next_invoice_sequence", customer.nextInvoiceSequence);
        node.put("phone", customer.phone);
        node.putArray("preferred_locales");
        node.putNull("shipping");
        node.put("tax_exempt", "none");
        node.put("test_clock", customer.testClock);
        return node;
    }

    private ObjectNode render(PaymentMethod paymentMethod) {
        ObjectNode node = JSON.objectNode();
        node.put("id", paymentMethod.id);
        node.put("object", "payment_method");
        node.putNull("allow_redisplay");
        node.set("billing_details", billingDetails());
        ObjectNode card = node.putObject("card");
        card.put("brand", paymentMethod.card.brand());
        ObjectNode checks = card.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        checks.putNull("cvc_check");
        card.put("country", paymentMethod.card.country());
        card.put("display_brand", paymentMethod.card.brand());
        card.put("exp_month", paymentMethod.expMonth);
        card.put("exp_year", paymentMethod.expYear);
        card.put("fingerprint", paymentMethod.fingerprint);
        card.put("funding", paymentMethod.card.funding());
        card.putNull("generated_from");
        card.put("last4", paymentMethod.card.last4());
        ObjectNode networks = card.putObject("networks");
        networks.putArray("available").add(paymentMethod.card.brand());
        networks.putNull("preferred");
        card.putObject("three_d_secure_usage").put("supported", true);
        card.putNull("wallet");
        node.put("created", paymentMethod.created);
        node.put("customer", paymentMethod.customer);
        node.put("livemode", false);
        node.putObject("metadata");
        node.put("type", "card");
        return node;
    }

    private ObjectNode render(PaymentIntent intent) {
        ObjectNode node = JSON.objectNode();
        node.put("id", intent.id);
        node.put("object", "payment_intent");
        node.put("amount", intent.amount);
        node.put("amount_capturable", 0);
        node.putObject("amount_details").putObject("tip");
        node.put("amount_received", intent.amountReceived);
        node.putNull("application");
        node.putNull("application_fee_amount");
        if (intent.paymentMethodTypes != null && intent.automaticPaymentMethods) {
            ObjectNode automatic = node.putObject("automatic_payment_methods");
            automatic.put("allow_redirects", intent.allowRedirects);
            automatic.put("enabled", true);
        } else {
            node.putNull("automatic_payment_methods");
        }
        node.put("canceled_at", intent.canceledAt);
        node.put("cancellation_reason", intent.cancellationReason);
        node.put("capture_method", intent.captureMethod);
        node.put("client_secret", intent.clientSecret);
        node.put("confirmation_method", "automatic");
        node.put("created", intent.created);
        node.put("currency", intent.currency);
        node.put("customer", intent.customer);
        node.put("description", intent.description);
        node.putNull("excluded_payment_method_types");
        node.set("last_payment_error", intent.lastPaymentError == null ? JSON.nullNode() : intent.lastPaymentError.deepCopy());
        node.put("latest_charge", intent.latestCharge);
        node.put("livemode", false);
        node.set("metadata", metadata(intent.metadata));
        node.putNull("next_action");
        node.putNull("on_behalf_of");
        node.put("payment_method", intent.paymentMethod);
        node.putNull("payment_method_configuration_details");
        ObjectNode card = node.putObject("payment_method_options").putObject("card");
        card.putNull("installments");
        card.putNull("mandate_options");
        card.putNull("network");
        card.put("request_three_d_secure", "automatic");
        ArrayNode types = node.putArray("payment_method_types");
        intent.paymentMethodTypes.forEach(types::add);
        node.putNull("processing");
        node.put("receipt_email", intent.receiptEmail);
        node.putNull("review");
        node.put("setup_future_usage", intent.setupFutureUsage);
        node.putNull("shipping");
        node.put("statement_descriptor", intent.statementDescriptor);
        node.putNull("statement_descriptor_suffix");
        node.put("status", intent.status);
        node.putNull("transfer_data");
        node.putNull("transfer_group");
        return node;
    }

    /**
     * A charge; since API version 2022-11-15 its {@code refunds} list is left out unless expanded,
     * so the webhook's charge carries {@code amount_refunded} and {@code refunded}, not the list.
     */
    private ObjectNode render(Charge charge, boolean withRefunds) {
        Outcome outcome = charge.paymentMethod.card.outcome();
        ObjectNode node = JSON.objectNode();
        node.put("id", charge.id);
        node.put("object", "charge");
        node.put("amount", charge.amount);
        node.put("amount_captured", charge.succeeded ? charge.amount : 0);
        node.put("amount_refunded", charge.amountRefunded);
        node.putNull("application");
        node.putNull("application_fee");
        node.putNull("application_fee_amount");
        node.put("balance_transaction", charge.balanceTransaction);
        node.set("billing_details", billingDetails());
        node.put("calculated_statement_descriptor", "THE WANS");
        node.put("captured", charge.succeeded);
        node.put("created", charge.created);
        node.put("currency", charge.currency);
        node.put("customer", charge.customer);
        node.put("description", charge.description);
        node.putNull("destination");
        node.putNull("dispute");
        node.put("disputed", false);
        node.putNull("failure_balance_transaction");
        node.put("failure_code", charge.succeeded ? null : "card_declined");
        node.put("failure_message", charge.succeeded ? null : outcome.message);
        node.putObject("fraud_details");
        node.put("livemode", false);
        node.set("metadata", metadata(charge.metadata));
        node.putNull("on_behalf_of");
        ObjectNode result = node.putObject("outcome");
        result.putNull("advice_code");
        result.putNull("network_advice_code");
        result.putNull("network_decline_code");
        if (charge.succeeded) {
            result.put("network_status", "approved_by_network");
            result.putNull("reason");
            result.put("risk_level", "normal");
            result.put("seller_message", "Payment complete.");
            result.put("type", "authorized");
        } else if (outcome == Outcome.LIVE_CARD_IN_TEST_MODE) {
            result.put("network_status", "not_sent_to_network");
            result.put("reason", outcome.declineCode);
            result.put("risk_level", "normal");
            result.put("seller_message", outcome.sellerMessage);
            result.put("type", "invalid");
        } else {
            result.put("network_status", "declined_by_network");
            result.put("reason", outcome.declineCode);
            result.put("risk_level", "normal");
            result.put("seller_message", outcome.sellerMessage);
            result.put("type", "issuer_declined");
        }
        node.put("paid", charge.succeeded);
        node.put("payment_intent", charge.paymentIntent);
        node.put("payment_method", charge.paymentMethod.id);
        ObjectNode details = node.putObject("payment_method_details");
        ObjectNode card = details.putObject("card");
        card.put("amount_authorized", charge.succeeded ? charge.amount : null);
        card.put("brand", charge.paymentMethod.card.brand());
        ObjectNode checks = card.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        checks.putNull("cvc_check");
        card.put("country", charge.paymentMethod.card.country());
        card.put("exp_month", charge.paymentMethod.expMonth);
        card.put("exp_year", charge.paymentMethod.expYear);
        card.put("fingerprint", charge.paymentMethod.fingerprint);
        card.put("funding", charge.paymentMethod.card.funding());
        card.put("last4", charge.paymentMethod.card.last4());
        card.put("network", charge.paymentMethod.card.brand());
        card.putNull("three_d_secure");
        card.putNull("wallet");
        details.put("type", "card");
        node.put("receipt_email", charge.receiptEmail);
        node.putNull("receipt_number");
        node.putNull("receipt_url");
        node.put("refunded", charge.succeeded && charge.amountRefunded == charge.amount);
        if (withRefunds) {
            ObjectNode list = node.putObject("refunds");
            list.put("object", "list");
            ArrayNode data = list.putArray("data");
            charge.refunds.forEach(id -> data.add(render(refunds.get(id))));
            list.put("has_more", false);
            list.put("url", "/v1/charges/" + charge.id + "/refunds");
        }
        node.putNull("review");
        node.putNull("shipping");
        node.putNull("source_transfer");
        node.putNull("statement_descriptor");
        node.putNull("statement_descriptor_suffix");
        node.put("status", charge.succeeded ? "succeeded" : "failed");
        node.putNull("transfer_data");
        node.putNull("transfer_group");
        return node;
    }

    private ObjectNode render(Refund refund) {
        ObjectNode node = JSON.objectNode();
        node.put("id", refund.id);
        node.put("object", "refund");
        node.put("amount", refund.amount);
        node.put("balance_transaction", refund.balanceTransaction);
        node.put("charge", refund.charge);
        node.put("created", refund.created);
        node.put("currency", refund.currency);
        node.put("customer", refund.customer);
        ObjectNode destination = node.putObject("destination_details");
        ObjectNode card = destination.putObject("card");
        card.put("reference_status", "pending");
        card.put("reference_type", "acquirer_reference_number");
        card.put("type", "refund");
        destination.put("type", "card");
        node.set("metadata", metadata(refund.metadata));
        node.put("payment_intent", refund.paymentIntent);
        node.put("payment_method", refund.paymentMethod);
        node.put("reason", refund.reason);
        node.putNull("receipt_number");
        node.putNull("source_transfer_reversal");
        node.put("status", "succeeded");
        node.putNull("transfer_reversal");
        return node;
    }

    private static ObjectNode billingDetails() {
        ObjectNode details = JSON.objectNode();
        ObjectNode address = details.putObject("address");
        for (String field : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
            address.putNull(field);
        }
        details.putNull("email");
        details.putNull("name");
        details.putNull("phone");
        details.putNull("tax_id");
        return details;
    }

    static ObjectNode metadata(Map<String, String> values) {
        ObjectNode node = JSON.objectNode();
        values.forEach(node::put);
        return node;
    }

    // ---- small rules

    private PaymentIntent intent(String id) {
        PaymentIntent intent = paymentIntents.get(id);
        if (intent == null) {
            throw StripeFailure.noSuch("payment_intent", id, "intent");
        }
        return intent;
    }

    private String existingCustomer(String id) {
        if (id != null && !customers.containsKey(id)) {
            throw StripeFailure.noSuchReferenced("customer", id, "customer");
        }
        return id;
    }

    private static long positiveAmount(Long amount, String param) {
        if (amount == null) {
            throw StripeFailure.missingParam(param);
        }
        if (amount < 1) {
            throw StripeFailure.invalid(param, "This value must be greater than or equal to 1.");
        }
        if (amount > 99_999_999L) {
            throw StripeFailure.invalidRequest(400, "amount_too_large", param,
                    "Amount must be no more than 99,999,999 in the smallest currency unit.");
        }
        return amount;
    }

    static String currency(String currency) {
        if (!currency.matches("[A-Za-z]{3}")) {
            throw StripeFailure.invalid("currency", "Invalid currency: " + currency
                    + ". Stripe currently supports these currencies: usd, eur, pgk, ... (three-letter ISO codes).");
        }
        return currency.toLowerCase(Locale.ROOT);
    }

    static String money(long minorUnits, String currency) {
        BigDecimal amount = ZERO_DECIMAL.contains(currency)
                ? BigDecimal.valueOf(minorUnits) : BigDecimal.valueOf(minorUnits, 2);
        return currency.toUpperCase(Locale.ROOT) + " " + amount.toPlainString();
    }

    static Map<String, String> withoutEmpty(Map<String, String> metadata) {
        metadata.values().removeIf(String::isEmpty);
        return metadata;
    }

    /** Stripe's update rule: an empty value removes its key, {@code metadata=} clears them all. */
    static void mergeMetadata(Map<String, String> current, Params params) {
        if (!params.has("metadata")) {
            return;
        }
        if ("".equals(params.raw().get("metadata"))) {
            current.clear();
            return;
        }
        params.metadata().forEach((key, value) -> {
            if (value.isEmpty()) {
                current.remove(key);
            } else {
                current.put(key, value);
            }
        });
    }

    /** Now for what is being made: the test clock's frozen time while its objects change. */
    long now() {
        return frozenTime != null ? frozenTime : wallNow();
    }

    long wallNow() {
        return clock.instant().getEpochSecond();
    }

    private int year() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }
}
