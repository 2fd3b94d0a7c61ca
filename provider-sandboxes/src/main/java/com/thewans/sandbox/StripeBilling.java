package com.thewans.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.thewans.sandbox.StripeApi.Customer;
import com.thewans.sandbox.StripeApi.HeldEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe Billing in the sandbox: products, prices, one-item subscriptions, their invoices, and
 * test clocks that move them through time. Objects have the shapes of the API version the sandbox
 * pins (2026-07-29.dahlia): billing periods on the subscription item, an invoice's subscription
 * under {@code parent.subscription_details}, its payments as {@code invoice_payment} objects. Not
 * thread-safe: StripeApi's lock covers it, and its events go through StripeApi.
 */
final class StripeBilling {

    static final long DAY = 86_400;
    /** Days after a renewal's first failed attempt at which Stripe tries again: Smart Retries, made predictable. */
    static final List<Integer> RETRY_DAYS = List.of(3, 5, 7);
    /** How long a first invoice may stay unpaid before its subscription is incomplete_expired. */
    private static final long INCOMPLETE_WINDOW = 23 * 3_600;
    /** How early invoice.upcoming and customer.subscription.trial_will_end come. */
    private static final long NOTICE = 3 * DAY;
    /** A bound on the billing steps one run takes, so a bug cannot spin forever under the lock. */
    private static final int MOST_STEPS = 10_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> INTERVALS = Set.of("day", "week", "month", "year");
    private static final Set<String> PAYMENT_BEHAVIORS = Set.of("allow_incomplete", "default_incomplete",
            "error_if_incomplete", "pending_if_incomplete");
    private static final Set<String> PRORATION_BEHAVIORS = Set.of("create_prorations", "none", "always_invoice");
    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String ONE_ITEM = "The sandbox keeps one item per subscription.";
    private static final String NO_PAYMENT_METHOD = "This customer has no attached payment source or default payment "
            + "method. Please consider adding a default payment method. For more information, visit "
            + "https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.";

    private final StripeApi api;
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Price> prices = new LinkedHashMap<>();
    private final Map<String, TestClock> clocks = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();

    StripeBilling(StripeApi api) {
        this.api = api;
    }

    // ---- the objects

    private static final class Product {
        String id;
        long created;
        long updated;
        String name;
        String description;
        boolean active = true;
        Map<String, String> metadata;
    }

    private static final class Price {
        String id;
        long created;
        String product;
        String currency;
        long unitAmount;
        /** day, week, month or year; null for a one-time price. */
        String interval;
        long intervalCount;
        String lookupKey;
        String nickname;
        boolean active = true;
        Map<String, String> metadata;
    }

    private static final class TestClock {
        String id;
        long created;
        long frozenTime;
        String name;
    }

    /** A line of an invoice: the subscription's price for a period, or a proration of it. */
    private static final class Line {
        String id = Ids.stripe("il");
        long amount;
        String description;
        long start;
        long end;
        Price price;
        long quantity;
        boolean proration;
        String invoiceItem;
    }

    private static final class Subscription {
        String id;
        long created;
        String customer;
        String testClock;
        String status;
        String currency;
        String description;
        Map<String, String> metadata;
        String defaultPaymentMethod;
        /** Periods are counted from the anchor, so a month from 31 January ends on 28 February, then 31 March. */
        long anchor;
        int cycles;
        long periodStart;
        long periodEnd;
        String itemId;
        Price price;
        long quantity;
        Map<String, String> itemMetadata;
        Long trialStart;
        Long trialEnd;
        boolean cancelAtPeriodEnd;
        Long cancelAt;
        Long canceledAt;
        Long endedAt;
        String cancellationReason;
        String cancellationComment;
        String cancellationFeedback;
        String latestInvoice;
        List<String> invoices = new ArrayList<>();
        /** Proration lines that wait for the next invoice (proration_behavior=create_prorations). */
        List<Line> pendingProrations = new ArrayList<>();
        boolean trialWillEndSent;
        long upcomingSentFor;

        /** What an update changes, kept so that a refused update (error_if_incomplete) leaves no trace. */
        Subscription snapshot() {
            Subscription copy = new Subscription();
            copy.status = status;
            copy.description = description;
            copy.metadata = new LinkedHashMap<>(metadata);
            copy.defaultPaymentMethod = defaultPaymentMethod;
            copy.anchor = anchor;
            copy.cycles = cycles;
            copy.periodStart = periodStart;
            copy.periodEnd = periodEnd;
            copy.price = price;
            copy.quantity = quantity;
            copy.itemMetadata = new LinkedHashMap<>(itemMetadata);
            copy.cancelAtPeriodEnd = cancelAtPeriodEnd;
            copy.cancelAt = cancelAt;
            copy.canceledAt = canceledAt;
            copy.cancellationReason = cancellationReason;
            copy.cancellationComment = cancellationComment;
            copy.cancellationFeedback = cancellationFeedback;
            copy.latestInvoice = latestInvoice;
            copy.invoices = new ArrayList<>(invoices);
            copy.pendingProrations = new ArrayList<>(pendingProrations);
            return copy;
        }

        void restore(Subscription copy) {
            status = copy.status;
            description = copy.description;
            metadata = copy.metadata;
            defaultPaymentMethod = copy.defaultPaymentMethod;
            anchor = copy.anchor;
            cycles = copy.cycles;
            periodStart = copy.periodStart;
            periodEnd = copy.periodEnd;
            price = copy.price;
            quantity = copy.quantity;
            itemMetadata = copy.itemMetadata;
            cancelAtPeriodEnd = copy.cancelAtPeriodEnd;
            cancelAt = copy.cancelAt;
            canceledAt = copy.canceledAt;
            cancellationReason = copy.cancellationReason;
            cancellationComment = copy.cancellationComment;
            cancellationFeedback = copy.cancellationFeedback;
            latestInvoice = copy.latestInvoice;
            invoices = copy.invoices;
            pendingProrations = copy.pendingProrations;
        }
    }

    private static final class Invoice {
        String id;
        long created;
        String customer;
        String customerEmail;
        String customerName;
        String customerPhone;
        String subscription;
        Map<String, String> subscriptionMetadata;
        String testClock;
        String billingReason;
        String status = "draft";
        String currency;
        List<Line> lines;
        long periodStart;
        long periodEnd;
        long total;
        long startingBalance;
        long endingBalance;
        long amountDue;
        long amountPaid;
        int attemptCount;
        boolean attempted;
        int automaticAttempts;
        Long firstFailedAt;
        Long nextPaymentAttempt;
        boolean autoAdvance = true;
        String number;
        String hostedUrl;
        Long finalizedAt;
        Long paidAt;
        Long voidedAt;
        String paymentIntent;
        String invoicePayment;
        String invoicePaymentStatus;
    }

    // ---- products and prices

    ObjectNode createProduct(Params params) {
        String name = params.required("name");
        Product product = newProduct(name, params);
        api.emit("product.created", product.id, render(product));
        return render(product);
    }

    private Product newProduct(String name, Params params) {
        Product product = new Product();
        product.id = Ids.stripe("prod");
        product.created = api.now();
        product.updated = product.created;
        product.name = name;
        product.description = params.text("description");
        product.active = !Boolean.FALSE.equals(params.bool("active"));
        product.metadata = StripeApi.withoutEmpty(params.metadata());
        products.put(product.id, product);
        return product;
    }

    ObjectNode product(String id) {
        Product product = products.get(id);
        if (product == null) {
            throw StripeFailure.noSuch("product", id, "id");
        }
        return render(product);
    }

    ObjectNode createPrice(Params params) {
        String currency = StripeApi.currency(params.required("currency"));
        Long unitAmount = params.integer("unit_amount");
        if (unitAmount == null) {
            throw StripeFailure.missingParam("unit_amount");
        }
        if (unitAmount < 0) {
            throw StripeFailure.invalid("unit_amount", "This value must be greater than or equal to 0.");
        }
        String productId = params.text("product");
        Params productData = params.map("product_data");
        if (productId != null && productData != null) {
            throw StripeFailure.invalid("product_data", "You may only specify one of these parameters: product, product_data.");
        }
        if (productId == null && productData == null) {
            throw StripeFailure.missingParam("product");
        }
        if (productId != null && !products.containsKey(productId)) {
            throw StripeFailure.noSuchReferenced("product", productId, "product");
        }
        String productName = productData == null ? null : productData.text("name");
        if (productData != null && productName == null) {
            throw StripeFailure.missingParam("product_data[name]");
        }
        Params recurring = params.map("recurring");
        String interval = null;
        long intervalCount = 1;
        if (recurring != null) {
            interval = recurring.text("interval");
            if (interval == null) {
                throw StripeFailure.missingParam("recurring[interval]");
            }
            if (!INTERVALS.contains(interval)) {
                throw StripeFailure.invalid("recurring[interval]",
                        "Invalid recurring[interval]: must be one of day, month, week, or year");
            }
            Long count = recurring.integer("interval_count");
            if (count != null && count < 1) {
                throw StripeFailure.invalid("recurring[interval_count]", "This value must be greater than or equal to 1.");
            }
            intervalCount = count == null ? 1 : count;
        }
        String lookupKey = params.text("lookup_key");
        Price holder = lookupKey == null ? null : prices.values().stream()
                .filter(other -> lookupKey.equals(other.lookupKey)).findFirst().orElse(null);
        if (holder != null && !Boolean.TRUE.equals(params.bool("transfer_lookup_key"))) {
            throw StripeFailure.invalid("lookup_key", "A price (`" + holder.id + "`) already uses that lookup key.");
        }

        if (productId == null) {
            Product made = newProduct(productName, productData);
            productId = made.id;
            api.emit("product.created", made.id, render(made));
        }
        Price price = new Price();
        price.id = Ids.stripe("price");
        price.created = api.now();
        price.product = productId;
        price.currency = currency;
        price.unitAmount = unitAmount;
        price.interval = interval;
        price.intervalCount = intervalCount;
        price.lookupKey = lookupKey;
        price.nickname = params.text("nickname");
        price.active = !Boolean.FALSE.equals(params.bool("active"));
        price.metadata = StripeApi.withoutEmpty(params.metadata());
        if (holder != null) {
            holder.lookupKey = null;
            api.emit("price.updated", holder.id, render(holder), previousLookupKey(lookupKey));
        }
        prices.put(price.id, price);
        api.emit("price.created", price.id, render(price));
        return render(price);
    }

    private static ObjectNode previousLookupKey(String lookupKey) {
        ObjectNode previous = JSON.objectNode();
        previous.put("lookup_key", lookupKey);
        return previous;
    }

    ObjectNode price(String id) {
        Price price = prices.get(id);
        if (price == null) {
            throw StripeFailure.noSuch("price", id, "price");
        }
        return render(price);
    }

    ObjectNode listPrices(Params params) {
        List<String> lookupKeys = params.strings("lookup_keys");
        String product = params.text("product");
        Boolean active = params.bool("active");
        String type = params.text("type");
        String currency = params.text("currency");
        Predicate<Price> wanted = price -> (lookupKeys.isEmpty() || lookupKeys.contains(price.lookupKey))
                && (product == null || product.equals(price.product))
                && (active == null || active == price.active)
                && (type == null || type.equals(price.interval == null ? "one_time" : "recurring"))
                && (currency == null || currency.equalsIgnoreCase(price.currency));
        return list("/v1/prices", newestFirst(prices.values().stream().filter(wanted).map(this::render).toList()), params);
    }

    // ---- test clocks

    ObjectNode createTestClock(Params params) {
        Long frozenTime = params.integer("frozen_time");
        if (frozenTime == null) {
            throw StripeFailure.missingParam("frozen_time");
        }
        TestClock clock = new TestClock();
        clock.id = Ids.stripe("clock");
        clock.created = api.wallNow();
        clock.frozenTime = frozenTime;
        clock.name = params.text("name");
        clocks.put(clock.id, clock);
        api.emit("test_helpers.test_clock.created", clock.id, render(clock, null));
        return render(clock, null);
    }

    ObjectNode testClock(String id) {
        return render(clock(id), null);
    }

    ObjectNode deleteTestClock(String id) {
        TestClock clock = clock(id);
        clocks.remove(id);
        ObjectNode deleted = JSON.objectNode();
        deleted.put("id", clock.id);
        deleted.put("object", "test_helpers.test_clock");
        deleted.put("deleted", true);
        api.emit("test_helpers.test_clock.deleted", clock.id, render(clock, null));
        return deleted;
    }

    /**
     * Moves a test clock forward and runs, in time order, what falls due on the way: trial ends,
     * renewals, retries, cancellations at period end. Stripe answers {@code advancing} and finishes
     * in the background; here the work is done before the answer, so the next retrieve says ready.
     */
    ObjectNode advanceTestClock(String id, Params params) {
        TestClock clock = clock(id);
        Long target = params.integer("frozen_time");
        if (target == null) {
            throw StripeFailure.missingParam("frozen_time");
        }
        if (target <= clock.frozenTime) {
            throw StripeFailure.invalid("frozen_time", "The test clock can only move forward: frozen_time must be "
                    + "after its current frozen_time (" + clock.frozenTime + ").");
        }
        ObjectNode advancing = render(clock, target);
        api.emit("test_helpers.test_clock.advancing", clock.id, advancing);
        runDue(clock.id, target);
        clock.frozenTime = target;
        api.emit("test_helpers.test_clock.ready", clock.id, render(clock, null));
        return advancing;
    }

    /** The frozen time of a test clock a request names, or Stripe's 400. */
    long testClockTime(String id, String param) {
        TestClock clock = clocks.get(id);
        if (clock == null) {
            throw StripeFailure.noSuchReferenced("test_helpers.test_clock", id, param);
        }
        return clock.frozenTime;
    }

    private TestClock clock(String id) {
        TestClock clock = clocks.get(id);
        if (clock == null) {
            throw StripeFailure.noSuch("test_helpers.test_clock", id, "test_clock");
        }
        return clock;
    }

    /** The time of the customer's test clock, or null when it is on the sandbox's own clock. */
    private Long clockTime(String customerId) {
        Customer customer = api.customerRecord(customerId, "customer");
        TestClock clock = customer.testClock == null ? null : clocks.get(customer.testClock);
        return clock == null ? null : clock.frozenTime;
    }

    // ---- subscriptions

    ObjectNode createSubscription(Params params) {
        Customer customer = api.customerRecord(params.required("customer"), "customer");
        List<Params> items = params.objects("items");
        if (items.isEmpty()) {
            throw StripeFailure.missingParam("items");
        }
        if (items.size() > 1) {
            throw StripeFailure.invalid("items", ONE_ITEM);
        }
        Params item = items.get(0);
        Price price = recurringPrice(item.text("price"), "items[0][price]");
        long quantity = quantity(item.integer("quantity"));
        String paymentBehavior = choice(params, "payment_behavior", PAYMENT_BEHAVIORS, "allow_incomplete");
        if (paymentBehavior.equals("pending_if_incomplete")) {
            throw StripeFailure.invalid("payment_behavior",
                    "payment_behavior=pending_if_incomplete can only be used when updating a subscription.");
        }
        // checked as Stripe checks it, though a new subscription has nothing to prorate
        choice(params, "proration_behavior", PRORATION_BEHAVIORS, "create_prorations");
        String defaultPaymentMethod = params.text("default_payment_method") == null ? null
                : api.attachedTo(params.text("default_payment_method"), customer.id, "default_payment_method");
        if (customer.currency != null && !customer.currency.equals(price.currency)) {
            throw StripeFailure.invalid("currency", "You cannot combine currencies on a single customer. This customer "
                    + "has had a subscription or payment in " + customer.currency + ", but you are trying to pay in "
                    + price.currency + ".");
        }
        Long clockTime = clockTime(customer.id);
        long at = clockTime != null ? clockTime : api.now();
        Long trialEnd = trialEnd(params, at);
        if (trialEnd == null && !paymentBehavior.equals("default_incomplete") && defaultPaymentMethod == null
                && api.stillAttached(customer.defaultPaymentMethod, customer.id) == null) {
            throw StripeFailure.invalidRequest(400, "resource_missing", null, NO_PAYMENT_METHOD);
        }

        Subscription sub = new Subscription();
        sub.id = Ids.stripe("sub");
        sub.itemId = Ids.stripe("si");
        sub.created = at;
        sub.customer = customer.id;
        sub.testClock = customer.testClock;
        sub.currency = price.currency;
        sub.description = params.text("description");
        sub.metadata = StripeApi.withoutEmpty(params.metadata());
        sub.defaultPaymentMethod = defaultPaymentMethod;
        sub.price = price;
        sub.quantity = quantity;
        sub.itemMetadata = StripeApi.withoutEmpty(item.metadata());
        sub.status = "incomplete";
        if (trialEnd != null) {
            sub.trialStart = at;
            sub.trialEnd = trialEnd;
            sub.anchor = trialEnd;
            sub.periodStart = at;
            sub.periodEnd = trialEnd;
        } else {
            sub.anchor = at;
            sub.periodStart = at;
            sub.periodEnd = afterIntervals(price, at, 1);
        }
        String customerCurrency = customer.currency;
        long balance = customer.balance;
        int sequence = customer.nextInvoiceSequence;
        customer.currency = price.currency;
        subscriptions.put(sub.id, sub);
        try {
            api.acting(clockTime, sub.id, false, () -> changing(sub, true, Announce.FIRST, () -> {
                start(sub, paymentBehavior, at);
                return null;
            }));
        } catch (StripeFailure refused) {
            // error_if_incomplete: Stripe creates nothing when the first payment fails
            subscriptions.remove(sub.id);
            sub.invoices.forEach(invoices::remove);
            customer.currency = customerCurrency;
            customer.balance = balance;
            customer.nextInvoiceSequence = sequence;
            throw refused;
        }
        return render(sub);
    }

    /** The first invoice: a zero one for a trial, else the first period's price, paid now unless asked not to. */
    private void start(Subscription sub, String paymentBehavior, long at) {
        if (sub.trialEnd != null) {
            openInvoice(sub, "subscription_create", List.of(trialLine(sub)), at, at);
            sub.status = "trialing";
            return;
        }
        Invoice invoice = openInvoice(sub, "subscription_create",
                List.of(subscriptionLine(sub, sub.periodStart, sub.periodEnd)), at, at);
        if (!invoice.status.equals("open") || paymentBehavior.equals("default_incomplete")) {
            return;
        }
        StripeFailure declined = collect(invoice, paymentMethodFor(sub), true);
        if (declined != null && paymentBehavior.equals("error_if_incomplete")) {
            throw declined;
        }
    }

    ObjectNode subscription(String id) {
        return render(subscriptionRecord(id));
    }

    ObjectNode listSubscriptions(Params params) {
        String customer = params.text("customer");
        String price = params.text("price");
        String status = params.text("status");
        String testClock = params.text("test_clock");
        // as Stripe: without a status, canceled subscriptions are left out
        Predicate<Subscription> wanted = sub -> (customer == null || customer.equals(sub.customer))
                && (price == null || price.equals(sub.price.id))
                && (testClock == null || testClock.equals(sub.testClock))
                && (status == null ? !sub.status.equals("canceled") : status.equals("all") || status.equals(sub.status));
        return list("/v1/subscriptions",
                newestFirst(subscriptions.values().stream().filter(wanted).map(this::render).toList()), params);
    }

    ObjectNode updateSubscription(String id, Params params) {
        Subscription sub = subscriptionRecord(id);
        if (ENDED.contains(sub.status)) {
            for (String name : params.raw().keySet()) {
                if (!Set.of("metadata", "cancellation_details", "expand").contains(name)) {
                    throw StripeFailure.invalid(name,
                            "A canceled subscription can only update its cancellation_details and metadata.");
                }
            }
        }
        String prorationBehavior = choice(params, "proration_behavior", PRORATION_BEHAVIORS, "create_prorations");
        String paymentBehavior = choice(params, "payment_behavior", PAYMENT_BEHAVIORS, "allow_incomplete");
        if (paymentBehavior.equals("pending_if_incomplete")) {
            throw StripeFailure.invalid("payment_behavior", "The sandbox keeps no pending updates: use allow_incomplete, "
                    + "default_incomplete or error_if_incomplete.");
        }
        String defaultPaymentMethod = !params.has("default_payment_method") ? sub.defaultPaymentMethod
                : params.text("default_payment_method") == null ? null
                : api.attachedTo(params.text("default_payment_method"), sub.customer, "default_payment_method");
        Boolean cancelAtPeriodEnd = params.bool("cancel_at_period_end");
        Params cancellation = params.map("cancellation_details");
        List<Params> items = params.objects("items");
        if (items.size() > 1) {
            throw StripeFailure.invalid("items", ONE_ITEM);
        }
        Params item = items.isEmpty() ? null : items.get(0);
        Price newPrice = null;
        long newQuantity = sub.quantity;
        if (item != null) {
            String itemId = item.text("id");
            if (itemId == null) {
                throw StripeFailure.invalid("items[0][id]", ONE_ITEM + " Name it with items[0][id] to change its price.");
            }
            if (!itemId.equals(sub.itemId)) {
                throw StripeFailure.noSuchReferenced("subscription_item", itemId, "items[0][id]");
            }
            newPrice = item.text("price") == null ? sub.price : recurringPrice(item.text("price"), "items[0][price]");
            if (!newPrice.currency.equals(sub.currency)) {
                throw StripeFailure.invalid("items[0][price]", "The price's currency (" + newPrice.currency
                        + ") must match the subscription's (" + sub.currency + ").");
            }
            newQuantity = item.integer("quantity") == null ? sub.quantity : quantity(item.integer("quantity"));
        }

        Customer customer = api.customerRecord(sub.customer, "customer");
        Subscription before = sub.snapshot();
        long balance = customer.balance;
        int sequence = customer.nextInvoiceSequence;
        Price price = newPrice;
        long quantity = newQuantity;
        try {
            api.acting(clockTime(sub.customer), sub.id, false, () -> changing(sub, false, Announce.FIRST, () -> {
                long at = api.now();
                StripeApi.mergeMetadata(sub.metadata, params);
                if (params.has("description")) {
                    sub.description = params.text("description");
                }
                sub.defaultPaymentMethod = defaultPaymentMethod;
                if (cancellation != null) {
                    sub.cancellationComment = cancellation.has("comment") ? cancellation.text("comment") : sub.cancellationComment;
                    sub.cancellationFeedback = cancellation.has("feedback") ? cancellation.text("feedback") : sub.cancellationFeedback;
                }
                if (cancelAtPeriodEnd != null) {
                    cancelAtPeriodEnd(sub, cancelAtPeriodEnd, at);
                }
                if (item != null) {
                    StripeApi.mergeMetadata(sub.itemMetadata, item);
                    if (price != sub.price || quantity != sub.quantity) {
                        changePlan(sub, price, quantity, prorationBehavior, paymentBehavior, at);
                    }
                }
                return null;
            }));
        } catch (StripeFailure refused) {
            List<String> made = sub.invoices.subList(before.invoices.size(), sub.invoices.size());
            made.forEach(invoices::remove);
            sub.restore(before);
            customer.balance = balance;
            customer.nextInvoiceSequence = sequence;
            throw refused;
        }
        return render(sub);
    }

    ObjectNode cancelSubscription(String id, Params params) {
        Subscription sub = subscriptionRecord(id);
        if (ENDED.contains(sub.status)) {
            throw StripeFailure.invalidRequest(400, "resource_missing", null,
                    "No such subscription: '" + id + "'. It has already been canceled.");
        }
        Params cancellation = params.map("cancellation_details");
        api.acting(clockTime(sub.customer), sub.id, false, () -> changing(sub, false, Announce.LAST, () -> {
            if (cancellation != null) {
                sub.cancellationComment = cancellation.text("comment");
                sub.cancellationFeedback = cancellation.text("feedback");
            }
            sub.canceledAt = null;
            end(sub, api.now(), "cancellation_requested");
            return null;
        }));
        return render(sub);
    }

    private void cancelAtPeriodEnd(Subscription sub, boolean atPeriodEnd, long at) {
        if (atPeriodEnd == sub.cancelAtPeriodEnd) {
            return;
        }
        sub.cancelAtPeriodEnd = atPeriodEnd;
        sub.cancelAt = atPeriodEnd ? sub.periodEnd : null;
        sub.canceledAt = atPeriodEnd ? at : null;
        sub.cancellationReason = atPeriodEnd ? "cancellation_requested" : null;
    }

    /**
     * A new price (or quantity) for the item. Within the same interval the unused time of the old
     * price is credited and the rest of the period charged at the new one (see {@link #prorationLine});
     * those lines wait for the next invoice, are invoiced now (always_invoice), or are not made
     * (none). A new interval starts a new period now and invoices at once, as Stripe does.
     */
    private void changePlan(Subscription sub, Price price, long quantity, String prorationBehavior,
                            String paymentBehavior, long at) {
        Price old = sub.price;
        long oldQuantity = sub.quantity;
        sub.price = price;
        sub.quantity = quantity;
        if (sub.status.equals("trialing")) {
            // nothing is billed during a trial, so nothing is prorated
            return;
        }
        boolean newPeriod = !old.interval.equals(price.interval) || old.intervalCount != price.intervalCount;
        List<Line> lines = new ArrayList<>();
        if (!prorationBehavior.equals("none")) {
            lines.add(prorationLine(sub, old, oldQuantity, false, at));
        }
        if (newPeriod) {
            sub.anchor = at;
            sub.cycles = 0;
            sub.periodStart = at;
            sub.periodEnd = afterIntervals(price, at, 1);
            lines.add(subscriptionLine(sub, sub.periodStart, sub.periodEnd));
            invoiceNow(sub, lines, paymentBehavior, at);
            return;
        }
        if (prorationBehavior.equals("none")) {
            return;
        }
        lines.add(prorationLine(sub, price, quantity, true, at));
        if (prorationBehavior.equals("always_invoice")) {
            invoiceNow(sub, lines, paymentBehavior, at);
        } else {
            sub.pendingProrations.addAll(lines);
        }
    }

    /** An update's invoice, with any waiting prorations, collected now. */
    private void invoiceNow(Subscription sub, List<Line> lines, String paymentBehavior, long at) {
        List<Line> all = new ArrayList<>(sub.pendingProrations);
        sub.pendingProrations.clear();
        all.addAll(lines);
        Invoice invoice = openInvoice(sub, "subscription_update", all, at, at);
        if (!invoice.status.equals("open")) {
            return;
        }
        if (paymentBehavior.equals("default_incomplete")) {
            // the invoice waits for its intent to be confirmed
            sub.status = "past_due";
            return;
        }
        StripeFailure declined = collect(invoice, paymentMethodFor(sub), true);
        if (declined == null) {
            return;
        }
        if (paymentBehavior.equals("error_if_incomplete")) {
            throw declined;
        }
        if (sub.status.equals("active")) {
            sub.status = "past_due";
        }
    }

    private Subscription subscriptionRecord(String id) {
        Subscription sub = subscriptions.get(id);
        if (sub == null) {
            throw StripeFailure.noSuch("subscription", id, "id");
        }
        return sub;
    }

    // ---- invoices

    ObjectNode invoice(String id) {
        return render(invoiceRecord(id));
    }

    ObjectNode listInvoices(Params params) {
        String customer = params.text("customer");
        String subscription = params.text("subscription");
        String status = params.text("status");
        Predicate<Invoice> wanted = invoice -> (customer == null || customer.equals(invoice.customer))
                && (subscription == null || subscription.equals(invoice.subscription))
                && (status == null || status.equals(invoice.status));
        return list("/v1/invoices", newestFirst(invoices.values().stream().filter(wanted).map(this::render).toList()),
                params);
    }

    /**
     * Pays an open invoice now, with the payment method given (it must be the customer's) or the
     * one renewals use. A decline answers 402 and counts as an attempt, but leaves the retry
     * schedule as it was, as Stripe does for attempts it did not make itself.
     */
    ObjectNode payInvoice(String id, Params params) {
        Invoice invoice = invoiceRecord(id);
        if (invoice.status.equals("paid")) {
            throw StripeFailure.invalidRequest(400, "invoice_already_paid", null, "Invoice is already paid");
        }
        if (invoice.status.equals("void")) {
            throw StripeFailure.invalid(null, "This invoice has been voided and can no longer be paid.");
        }
        Subscription sub = subscriptions.get(invoice.subscription);
        String paymentMethod = params.text("payment_method") != null
                ? api.attachedTo(params.text("payment_method"), invoice.customer, "payment_method")
                : paymentMethodFor(sub);
        if (paymentMethod == null) {
            throw StripeFailure.invalidRequest(400, "resource_missing", null, NO_PAYMENT_METHOD);
        }
        StripeFailure declined = api.acting(clockTime(invoice.customer), laneOf(invoice.id), false,
                () -> changing(sub, false, Announce.LAST, () -> collect(invoice, paymentMethod, false)));
        if (declined != null) {
            throw declined;
        }
        return render(invoice);
    }

    /** Whose lane an invoice's events go in: its subscription's. */
    String laneOf(String invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        return invoice == null || invoice.subscription == null ? invoiceId : invoice.subscription;
    }

    Long clockTimeOf(String invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        return invoice == null ? null : clockTime(invoice.customer);
    }

    /** The customer confirmed an invoice's intent themselves (a default_incomplete subscription). */
    void invoiceIntentSucceeded(String invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice == null || !invoice.status.equals("open")) {
            return;
        }
        changing(subscriptions.get(invoice.subscription), false, Announce.LAST, () -> {
            invoice.attemptCount++;
            invoice.attempted = true;
            paid(invoice, api.now());
            return null;
        });
    }

    private Invoice invoiceRecord(String id) {
        Invoice invoice = invoices.get(id);
        if (invoice == null) {
            throw StripeFailure.noSuch("invoice", id, "invoice");
        }
        return invoice;
    }

    /**
     * Creates and finalizes a subscription's invoice and makes it its latest. Stripe leaves a
     * renewal's draft open for about an hour before finalizing it; the sandbox finalizes at once.
     * The customer's credit balance is used first; a zero invoice is paid on finalization.
     */
    private Invoice openInvoice(Subscription sub, String billingReason, List<Line> lines, long periodStart, long periodEnd) {
        long at = api.now();
        Customer customer = api.customerRecord(sub.customer, "customer");
        Invoice invoice = new Invoice();
        invoice.id = Ids.stripe("in");
        invoice.created = at;
        invoice.customer = customer.id;
        invoice.customerEmail = customer.email;
        invoice.customerName = customer.name;
        invoice.customerPhone = customer.phone;
        invoice.subscription = sub.id;
        invoice.subscriptionMetadata = new LinkedHashMap<>(sub.metadata);
        invoice.testClock = sub.testClock;
        invoice.billingReason = billingReason;
        invoice.currency = sub.currency;
        invoice.lines = List.copyOf(lines);
        invoice.periodStart = periodStart;
        invoice.periodEnd = periodEnd;
        invoice.total = lines.stream().mapToLong(line -> line.amount).sum();
        invoice.startingBalance = customer.balance;
        invoice.amountDue = Math.max(0, invoice.total + customer.balance);
        invoice.endingBalance = invoice.total + customer.balance - invoice.amountDue;
        invoices.put(invoice.id, invoice);
        sub.invoices.add(invoice.id);
        sub.latestInvoice = invoice.id;
        api.emit("invoice.created", invoice.id, render(invoice));

        invoice.number = customer.invoicePrefix + "-" + String.format(Locale.ROOT, "%04d", customer.nextInvoiceSequence++);
        invoice.status = "open";
        invoice.finalizedAt = at;
        invoice.hostedUrl = "https://invoice.stripe.com/i/acct_wans_sandbox/test_" + Ids.random(40);
        // the subscription's metadata as it is at finalization, for receivers to find their own records
        invoice.subscriptionMetadata = new LinkedHashMap<>(sub.metadata);
        customer.balance = invoice.endingBalance;
        if (invoice.amountDue > 0) {
            invoice.paymentIntent = api.createInvoicePayment(invoice.id, invoice.amountDue, invoice.currency,
                    customer.id, billingReason.equals("subscription_create") ? "Subscription creation" : "Subscription update");
            invoice.invoicePayment = Ids.stripe("inpay");
            invoice.invoicePaymentStatus = "open";
        }
        api.emit("invoice.finalized", invoice.id, render(invoice));
        if (invoice.amountDue == 0) {
            paid(invoice, at);
        }
        return invoice;
    }

    /**
     * One attempt at collecting an open invoice; null when it was paid, else the card error. An
     * automatic attempt that fails is retried {@link #RETRY_DAYS} days after the first failure; a
     * subscription's first invoice is not retried (the subscription stays incomplete until paid).
     */
    private StripeFailure collect(Invoice invoice, String paymentMethod, boolean automatic) {
        long at = api.now();
        invoice.attemptCount++;
        invoice.attempted = true;
        if (automatic) {
            invoice.automaticAttempts++;
        }
        StripeFailure declined = paymentMethod == null
                ? StripeFailure.invalidRequest(400, "resource_missing", null, NO_PAYMENT_METHOD)
                : api.chargeInvoicePayment(invoice.paymentIntent, paymentMethod);
        if (declined == null) {
            paid(invoice, at);
            return null;
        }
        if (automatic) {
            Subscription sub = subscriptions.get(invoice.subscription);
            if (sub == null || sub.status.equals("incomplete")) {
                invoice.nextPaymentAttempt = null;
            } else {
                if (invoice.firstFailedAt == null) {
                    invoice.firstFailedAt = at;
                }
                int retriesMade = invoice.automaticAttempts - 1;
                invoice.nextPaymentAttempt = retriesMade < RETRY_DAYS.size()
                        ? invoice.firstFailedAt + RETRY_DAYS.get(retriesMade) * DAY : null;
            }
        }
        api.emit("invoice.payment_failed", invoice.id, render(invoice));
        return declined;
    }

    /** A paid invoice; its subscription is active again when it was its latest. */
    private void paid(Invoice invoice, long at) {
        invoice.status = "paid";
        invoice.amountPaid = invoice.amountDue;
        invoice.paidAt = at;
        invoice.nextPaymentAttempt = null;
        if (invoice.invoicePayment != null) {
            invoice.invoicePaymentStatus = "paid";
            api.emit("invoice_payment.paid", invoice.id, renderPayment(invoice));
        }
        api.emit("invoice.paid", invoice.id, render(invoice));
        api.emit("invoice.payment_succeeded", invoice.id, render(invoice));
        Subscription sub = subscriptions.get(invoice.subscription);
        if (sub != null && invoice.id.equals(sub.latestInvoice)
                && Set.of("incomplete", "past_due", "trialing").contains(sub.status)) {
            sub.status = "active";
        }
    }

    private void voidInvoice(Invoice invoice, long at) {
        invoice.status = "void";
        invoice.voidedAt = at;
        invoice.nextPaymentAttempt = null;
        invoice.autoAdvance = false;
        if (invoice.paymentIntent != null) {
            invoice.invoicePaymentStatus = "canceled";
            api.cancelInvoicePayment(invoice.paymentIntent);
        }
        api.emit("invoice.voided", invoice.id, render(invoice));
    }

    /** Renewals use the subscription's own payment method, else the customer's default, as Stripe does. */
    private String paymentMethodFor(Subscription sub) {
        if (sub == null) {
            return null;
        }
        String own = api.stillAttached(sub.defaultPaymentMethod, sub.customer);
        return own != null ? own
                : api.stillAttached(api.customerRecord(sub.customer, "customer").defaultPaymentMethod, sub.customer);
    }

    // ---- time: what falls due, and doing it

    /** What a subscription waits for, in the order they are done when they fall at the same second. */
    private enum Step { EXPIRE_INCOMPLETE, TRIAL_WILL_END, UPCOMING, RETRY, END_TRIAL, END_PERIOD }

    private record Due(long at, Step step, Subscription sub, Invoice invoice) {
    }

    private static final Comparator<Due> EARLIEST = Comparator.comparingLong(Due::at).thenComparing(Due::step);

    /** Subscriptions on the sandbox's own clock catch up with it; called before each request. */
    void catchUp() {
        runDue(null, api.wallNow());
    }

    /** Does, oldest first, everything due up to {@code until} for the subscriptions on that test clock (null: none). */
    private void runDue(String clockId, long until) {
        TestClock clock = clockId == null ? null : clocks.get(clockId);
        for (int steps = 0; steps < MOST_STEPS; steps++) {
            Due next = subscriptions.values().stream()
                    .filter(sub -> Objects.equals(sub.testClock, clockId))
                    .map(this::nextDue)
                    .filter(due -> due != null && due.at() <= until)
                    .min(EARLIEST).orElse(null);
            if (next == null) {
                return;
            }
            if (clock != null) {
                clock.frozenTime = Math.max(clock.frozenTime, next.at());
            }
            api.acting(next.at(), next.sub().id, true, () -> {
                perform(next);
                return null;
            });
        }
        throw new IllegalStateException("billing kept finding work after " + MOST_STEPS + " steps");
    }

    private Due nextDue(Subscription sub) {
        List<Due> due = new ArrayList<>();
        switch (sub.status) {
            case "incomplete" -> due.add(new Due(sub.created + INCOMPLETE_WINDOW, Step.EXPIRE_INCOMPLETE, sub, null));
            case "trialing" -> {
                if (!sub.trialWillEndSent) {
                    due.add(new Due(Math.max(sub.trialStart, sub.trialEnd - NOTICE), Step.TRIAL_WILL_END, sub, null));
                }
                due.add(new Due(sub.trialEnd, Step.END_TRIAL, sub, null));
            }
            case "active", "past_due" -> {
                if (!sub.cancelAtPeriodEnd && sub.upcomingSentFor != sub.periodEnd
                        && sub.periodEnd - NOTICE > sub.periodStart) {
                    due.add(new Due(sub.periodEnd - NOTICE, Step.UPCOMING, sub, null));
                }
                due.add(new Due(sub.periodEnd, Step.END_PERIOD, sub, null));
            }
            default -> {
            }
        }
        for (String id : sub.invoices) {
            Invoice invoice = invoices.get(id);
            if (invoice.status.equals("open") && invoice.nextPaymentAttempt != null) {
                due.add(new Due(invoice.nextPaymentAttempt, Step.RETRY, sub, invoice));
            }
        }
        return due.stream().min(EARLIEST).orElse(null);
    }

    private void perform(Due due) {
        Subscription sub = due.sub();
        long at = due.at();
        switch (due.step()) {
            case EXPIRE_INCOMPLETE -> changing(sub, false, Announce.LAST, () -> {
                sub.status = "incomplete_expired";
                sub.canceledAt = at;
                sub.endedAt = at;
                Invoice first = invoices.get(sub.latestInvoice);
                if (first != null && first.status.equals("open")) {
                    voidInvoice(first, at);
                }
                return null;
            });
            case TRIAL_WILL_END -> {
                sub.trialWillEndSent = true;
                api.emit("customer.subscription.trial_will_end", sub.id, render(sub));
            }
            case UPCOMING -> {
                sub.upcomingSentFor = sub.periodEnd;
                api.emit("invoice.upcoming", sub.id, upcoming(sub, at));
            }
            case RETRY -> changing(sub, false, Announce.LAST, () -> {
                retry(sub, due.invoice());
                return null;
            });
            case END_TRIAL -> changing(sub, false, Announce.FIRST, () -> {
                if (sub.cancelAtPeriodEnd) {
                    end(sub, at, null);
                    return null;
                }
                long trialStart = sub.periodStart;
                sub.cycles = 0;
                sub.periodStart = sub.anchor;
                sub.periodEnd = afterIntervals(sub.price, sub.anchor, 1);
                renewal(sub, trialStart, at);
                return null;
            });
            case END_PERIOD -> changing(sub, false, Announce.FIRST, () -> {
                if (sub.cancelAtPeriodEnd) {
                    end(sub, at, null);
                    return null;
                }
                long previousStart = sub.periodStart;
                sub.cycles++;
                sub.periodStart = sub.periodEnd;
                sub.periodEnd = afterIntervals(sub.price, sub.anchor, sub.cycles + 1L);
                renewal(sub, previousStart, sub.periodStart);
                return null;
            });
        }
    }

    /**
     * A new period's invoice (with any waiting prorations): paid makes the subscription active, a
     * decline makes it past_due with retries ahead. Its period is the one just ended, as Stripe's.
     */
    private void renewal(Subscription sub, long previousStart, long previousEnd) {
        List<Line> lines = new ArrayList<>(sub.pendingProrations);
        sub.pendingProrations.clear();
        lines.add(subscriptionLine(sub, sub.periodStart, sub.periodEnd));
        Invoice invoice = openInvoice(sub, "subscription_cycle", lines, previousStart, previousEnd);
        if (!invoice.status.equals("open")) {
            return;
        }
        StripeFailure declined = collect(invoice, paymentMethodFor(sub), true);
        if (declined != null && Set.of("active", "trialing").contains(sub.status)) {
            sub.status = "past_due";
        }
    }

    /** After the last retry fails, the subscription is canceled: Stripe's default; its invoice stays open. */
    private void retry(Subscription sub, Invoice invoice) {
        StripeFailure declined = collect(invoice, paymentMethodFor(sub), true);
        if (declined != null && invoice.nextPaymentAttempt == null && invoice.id.equals(sub.latestInvoice)
                && Set.of("active", "past_due").contains(sub.status)) {
            end(sub, api.now(), "payment_failed");
        }
    }

    /** The subscription ends now; Stripe stops collecting its open invoices but leaves them open. */
    private void end(Subscription sub, long at, String reason) {
        sub.status = "canceled";
        sub.canceledAt = sub.canceledAt == null ? at : sub.canceledAt;
        sub.endedAt = at;
        if (reason != null) {
            sub.cancellationReason = reason;
        }
        for (String id : sub.invoices) {
            Invoice invoice = invoices.get(id);
            if (invoice.status.equals("open")) {
                invoice.nextPaymentAttempt = null;
                invoice.autoAdvance = false;
            }
        }
    }

    private long afterIntervals(Price price, long anchor, long count) {
        ZonedDateTime start = Instant.ofEpochSecond(anchor).atZone(ZoneOffset.UTC);
        long steps = price.intervalCount * count;
        ZonedDateTime end = switch (price.interval) {
            case "day" -> start.plusDays(steps);
            case "week" -> start.plusWeeks(steps);
            case "month" -> start.plusMonths(steps);
            default -> start.plusYears(steps);
        };
        return end.toEpochSecond();
    }

    // ---- one subscription change and the events it sends

    private enum Announce { FIRST, LAST }

    /**
     * Runs a change and sends what it caused: the subscription's own event (created, updated with
     * {@code previous_attributes}, or deleted) FIRST or LAST among the invoice and payment events,
     * which are held meanwhile. A change that throws sends nothing.
     */
    private <T> T changing(Subscription sub, boolean created, Announce order, Supplier<T> work) {
        ObjectNode before = created || sub == null ? null : render(sub);
        List<HeldEvent> outer = api.holdEvents();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException failed) {
            api.takeHeldEvents(outer);
            throw failed;
        }
        List<HeldEvent> caused = api.takeHeldEvents(outer);
        if (order == Announce.LAST) {
            api.emitAll(caused);
        }
        if (sub != null) {
            announce(sub, created, before);
        }
        if (order == Announce.FIRST) {
            api.emitAll(caused);
        }
        return result;
    }

    private void announce(Subscription sub, boolean created, ObjectNode before) {
        ObjectNode after = render(sub);
        if (created) {
            api.emit("customer.subscription.created", sub.id, after);
        } else if (sub.status.equals("canceled") && !before.path("status").asString().equals("canceled")) {
            api.emit("customer.subscription.deleted", sub.id, after);
        } else {
            ObjectNode previous = previousAttributes(before, after);
            if (!previous.isEmpty()) {
                api.emit("customer.subscription.updated", sub.id, after, previous);
            }
        }
    }

    /**
     * Stripe's {@code previous_attributes}: the old value of each field that changed, nested
     * objects compared field by field, arrays whole (so a new billing period shows as
     * {@code items.data}), and null for a field that did not exist before.
     */
    static ObjectNode previousAttributes(ObjectNode before, ObjectNode after) {
        ObjectNode previous = JSON.objectNode();
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : before.properties()) {
            names.add(field.getKey());
            JsonNode old = field.getValue();
            JsonNode now = after.get(field.getKey());
            if (old.equals(now)) {
                continue;
            }
            if (old instanceof ObjectNode oldObject && now instanceof ObjectNode newObject) {
                previous.set(field.getKey(), previousAttributes(oldObject, newObject));
            } else {
                previous.set(field.getKey(), old);
            }
        }
        for (Map.Entry<String, JsonNode> field : after.properties()) {
            if (!names.contains(field.getKey())) {
                previous.putNull(field.getKey());
            }
        }
        return previous;
    }

    // ---- lines

    private Line subscriptionLine(Subscription sub, long start, long end) {
        Line line = new Line();
        line.amount = sub.price.unitAmount * sub.quantity;
        line.description = sub.quantity + " × " + productName(sub.price) + " (at "
                + StripeApi.money(sub.price.unitAmount, sub.currency) + " / " + every(sub.price) + ")";
        line.start = start;
        line.end = end;
        line.price = sub.price;
        line.quantity = sub.quantity;
        return line;
    }

    private Line trialLine(Subscription sub) {
        Line line = subscriptionLine(sub, sub.trialStart, sub.trialEnd);
        line.amount = 0;
        line.description = "Trial period for " + productName(sub.price);
        return line;
    }

    /**
     * A proration, in whole days: the days left in the period are the seconds to its end divided
     * by 86 400, rounded down, and the period's length is its seconds divided by 86 400, rounded.
     * The line is {@code round(unit_amount × quantity × days left / days in period)}, half up:
     * negative for the unused time of the old price, positive for the rest of the period at the new.
     */
    private Line prorationLine(Subscription sub, Price price, long quantity, boolean remaining, long at) {
        long daysLeft = Math.max(0, (sub.periodEnd - at) / DAY);
        long daysInPeriod = Math.max(1, Math.round((sub.periodEnd - sub.periodStart) / (double) DAY));
        long amount = BigDecimal.valueOf(price.unitAmount * quantity * daysLeft)
                .divide(BigDecimal.valueOf(daysInPeriod), 0, RoundingMode.HALF_UP).longValueExact();
        Line line = new Line();
        line.amount = remaining ? amount : -amount;
        line.description = (remaining ? "Remaining time on " : "Unused time on ")
                + (quantity > 1 ? quantity + " × " : "") + productName(price) + " after "
                + DATE.format(Instant.ofEpochSecond(at));
        line.start = at;
        line.end = sub.periodEnd;
        line.price = price;
        line.quantity = quantity;
        line.proration = true;
        line.invoiceItem = Ids.stripe("ii");
        return line;
    }

    private String productName(Price price) {
        Product product = products.get(price.product);
        return product == null ? price.product : product.name;
    }

    private static String every(Price price) {
        return price.intervalCount == 1 ? price.interval : "every " + price.intervalCount + " " + price.interval + "s";
    }

    // ---- requests' small rules

    private Price recurringPrice(String id, String param) {
        if (id == null) {
            throw StripeFailure.missingParam(param);
        }
        Price price = prices.get(id);
        if (price == null) {
            throw StripeFailure.noSuchReferenced("price", id, param);
        }
        if (price.interval == null) {
            throw StripeFailure.invalid(param, "The price specified is set to `type=one_time` but this field only "
                    + "accepts prices with `type=recurring`.");
        }
        if (!price.active) {
            throw StripeFailure.invalid(param, "The price specified is inactive. This field only accepts active prices.");
        }
        return price;
    }

    private static long quantity(Long quantity) {
        if (quantity == null) {
            return 1;
        }
        if (quantity < 1) {
            throw StripeFailure.invalid("items[0][quantity]", "This value must be greater than or equal to 1.");
        }
        return quantity;
    }

    private static String choice(Params params, String name, Set<String> allowed, String otherwise) {
        String value = params.text(name);
        if (value == null) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw StripeFailure.invalid(name, "Invalid " + name + ": must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static Long trialEnd(Params params, long at) {
        Long days = params.integer("trial_period_days");
        String end = params.text("trial_end");
        if (days != null && end != null) {
            throw StripeFailure.invalid("trial_end", "You may only specify one of these parameters: trial_end, trial_period_days.");
        }
        if (days != null) {
            if (days < 0 || days > 730) {
                throw StripeFailure.invalid("trial_period_days", "trial_period_days must be between 0 and 730.");
            }
            return days == 0 ? null : at + days * DAY;
        }
        if (end == null || end.equals("now")) {
            return null;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(end);
        } catch (NumberFormatException e) {
            throw StripeFailure.invalid("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the future.");
        }
        if (timestamp <= at) {
            throw StripeFailure.invalid("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the future.");
        }
        return timestamp;
    }

    // ---- expansion and lookup by id, for StripeApi

    ObjectNode byId(String id) {
        if (products.containsKey(id)) {
            return render(products.get(id));
        }
        if (prices.containsKey(id)) {
            return render(prices.get(id));
        }
        if (subscriptions.containsKey(id)) {
            return render(subscriptions.get(id));
        }
        if (invoices.containsKey(id)) {
            return render(invoices.get(id));
        }
        if (clocks.containsKey(id)) {
            return render(clocks.get(id), null);
        }
        return null;
    }

    /** Fields Stripe leaves out of an object unless {@code expand[]} names them; null when there is none. */
    JsonNode includable(ObjectNode object, String field) {
        if (!object.path("object").asString().equals("invoice")) {
            return null;
        }
        Invoice invoice = invoices.get(object.path("id").asString());
        if (invoice == null) {
            return null;
        }
        return switch (field) {
            case "payments" -> {
                List<ObjectNode> payments = invoice.invoicePayment == null ? List.of() : List.of(renderPayment(invoice));
                ObjectNode list = list("/v1/invoices/" + invoice.id + "/payments", payments, new Params(Map.of()));
                yield list;
            }
            case "confirmation_secret" -> {
                if (invoice.paymentIntent == null) {
                    yield JSON.nullNode();
                }
                ObjectNode secret = JSON.objectNode();
                secret.put("client_secret", api.clientSecret(invoice.paymentIntent));
                secret.put("type", "payment_intent");
                yield secret;
            }
            default -> null;
        };
    }

    // ---- drawing the objects

    private ObjectNode render(Product product) {
        ObjectNode node = JSON.objectNode();
        node.put("id", product.id);
        node.put("object", "product");
        node.put("active", product.active);
        node.put("created", product.created);
        node.putNull("default_price");
        node.put("description", product.description);
        node.putArray("images");
        node.put("livemode", false);
        node.putArray("marketing_features");
        node.set("metadata", StripeApi.metadata(product.metadata));
        node.put("name", product.name);
        node.putNull("package_dimensions");
        node.putNull("shippable");
        node.putNull("statement_descriptor");
        node.putNull("tax_code");
        node.put("type", "service");
        node.putNull("unit_label");
        node.put("updated", product.updated);
        node.putNull("url");
        return node;
    }

    private ObjectNode render(Price price) {
        ObjectNode node = JSON.objectNode();
        node.put("id", price.id);
        node.put("object", "price");
        node.put("active", price.active);
        node.put("billing_scheme", "per_unit");
        node.put("created", price.created);
        node.put("currency", price.currency);
        node.putNull("custom_unit_amount");
        node.put("livemode", false);
        node.put("lookup_key", price.lookupKey);
        node.set("metadata", StripeApi.metadata(price.metadata));
        node.put("nickname", price.nickname);
        node.put("product", price.product);
        if (price.interval == null) {
            node.putNull("recurring");
        } else {
            ObjectNode recurring = node.putObject("recurring");
            recurring.put("interval", price.interval);
            recurring.put("interval_count", price.intervalCount);
            recurring.putNull("meter");
            recurring.putNull("trial_period_days");
            recurring.put("usage_type", "licensed");
        }
        node.put("tax_behavior", "unspecified");
        node.putNull("tiers_mode");
        node.putNull("transform_quantity");
        node.put("type", price.interval == null ? "one_time" : "recurring");
        node.put("unit_amount", price.unitAmount);
        node.put("unit_amount_decimal", String.valueOf(price.unitAmount));
        return node;
    }

    /** The legacy plan object subscription items still carry beside their price. */
    private ObjectNode plan(Price price) {
        ObjectNode node = JSON.objectNode();
        node.put("id", price.id);
        node.put("object", "plan");
        node.put("active", price.active);
        node.put("amount", price.unitAmount);
        node.put("amount_decimal", String.valueOf(price.unitAmount));
        node.put("billing_scheme", "per_unit");
        node.put("created", price.created);
        node.put("currency", price.currency);
        node.put("interval", price.interval);
        node.put("interval_count", price.intervalCount);
        node.put("livemode", false);
        node.set("metadata", StripeApi.metadata(price.metadata));
        node.putNull("meter");
        node.put("nickname", price.nickname);
        node.put("product", price.product);
        node.putNull("tiers_mode");
        node.putNull("transform_usage");
        node.putNull("trial_period_days");
        node.put("usage_type", "licensed");
        return node;
    }

    /** A test clock; {@code advancingTo} draws it while it moves to that time. */
    private ObjectNode render(TestClock clock, Long advancingTo) {
        ObjectNode node = JSON.objectNode();
        node.put("id", clock.id);
        node.put("object", "test_helpers.test_clock");
        node.put("created", clock.created);
        node.put("deletes_after", clock.created + 30 * DAY);
        node.put("frozen_time", clock.frozenTime);
        node.put("livemode", false);
        node.put("name", clock.name);
        node.put("status", advancingTo == null ? "ready" : "advancing");
        ObjectNode details = node.putObject("status_details");
        if (advancingTo != null) {
            details.putObject("advancing").put("target_frozen_time", advancingTo);
        }
        return node;
    }

    /**
     * A subscription as API version 2026-07-29.dahlia draws it: no {@code current_period_start} /
     * {@code current_period_end} of its own; they are on each item ({@code items.data[]}).
     */
    private ObjectNode render(Subscription sub) {
        ObjectNode node = JSON.objectNode();
        node.put("id", sub.id);
        node.put("object", "subscription");
        node.putNull("application");
        node.putNull("application_fee_percent");
        ObjectNode automaticTax = node.putObject("automatic_tax");
        automaticTax.putNull("disabled_reason");
        automaticTax.put("enabled", false);
        automaticTax.putNull("liability");
        node.put("billing_cycle_anchor", sub.anchor);
        node.putNull("billing_cycle_anchor_config");
        ObjectNode billingMode = node.putObject("billing_mode");
        billingMode.putNull("flexible");
        billingMode.put("type", "flexible");
        billingMode.putNull("updated_at");
        node.putNull("billing_thresholds");
        node.put("cancel_at", sub.cancelAt);
        node.put("cancel_at_period_end", sub.cancelAtPeriodEnd);
        node.put("canceled_at", sub.canceledAt);
        ObjectNode cancellation = node.putObject("cancellation_details");
        cancellation.put("comment", sub.cancellationComment);
        cancellation.put("feedback", sub.cancellationFeedback);
        cancellation.put("reason", sub.cancellationReason);
        node.put("collection_method", "charge_automatically");
        node.put("created", sub.created);
        node.put("currency", sub.currency);
        node.put("customer", sub.customer);
        node.putNull("customer_account");
        node.putNull("days_until_due");
        node.put("default_payment_method", sub.defaultPaymentMethod);
        node.putNull("default_source");
        node.putArray("default_tax_rates");
        node.put("description", sub.description);
        node.putArray("discounts");
        node.put("ended_at", sub.endedAt);
        ObjectNode invoiceSettings = node.putObject("invoice_settings");
        invoiceSettings.putNull("account_tax_ids");
        invoiceSettings.putObject("issuer").put("type", "self");
        ObjectNode items = node.putObject("items");
        items.put("object", "list");
        items.putArray("data").add(renderItem(sub));
        items.put("has_more", false);
        items.put("url", "/v1/subscription_items?subscription=" + sub.id);
        node.put("latest_invoice", sub.latestInvoice);
        node.put("livemode", false);
        node.set("metadata", StripeApi.metadata(sub.metadata));
        node.putNull("next_pending_invoice_item_invoice");
        node.putNull("on_behalf_of");
        node.putNull("pause_collection");
        ObjectNode paymentSettings = node.putObject("payment_settings");
        paymentSettings.putNull("payment_method_options");
        paymentSettings.putNull("payment_method_types");
        paymentSettings.put("save_default_payment_method", "off");
        node.putNull("pending_invoice_item_interval");
        node.putNull("pending_setup_intent");
        node.putNull("pending_update");
        node.putNull("schedule");
        node.put("start_date", sub.created);
        node.put("status", sub.status);
        node.put("test_clock", sub.testClock);
        node.putNull("transfer_data");
        node.put("trial_end", sub.trialEnd);
        node.putObject("trial_settings").putObject("end_behavior").put("missing_payment_method", "create_invoice");
        node.put("trial_start", sub.trialStart);
        return node;
    }

    private ObjectNode renderItem(Subscription sub) {
        ObjectNode node = JSON.objectNode();
        node.put("id", sub.itemId);
        node.put("object", "subscription_item");
        node.putNull("billing_thresholds");
        node.put("created", sub.created);
        node.put("current_period_end", sub.periodEnd);
        node.put("current_period_start", sub.periodStart);
        node.putArray("discounts");
        node.set("metadata", StripeApi.metadata(sub.itemMetadata));
        node.set("plan", plan(sub.price));
        node.set("price", render(sub.price));
        node.put("quantity", sub.quantity);
        node.put("subscription", sub.id);
        node.putArray("tax_rates");
        return node;
    }

    /**
     * An invoice as API version 2026-07-29.dahlia draws it: its subscription and that
     * subscription's metadata under {@code parent.subscription_details}; no {@code payment_intent}
     * or {@code paid} fields (its payments are the includable {@code payments} list, the intent's
     * secret the includable {@code confirmation_secret}).
     */
    private ObjectNode render(Invoice invoice) {
        boolean draft = invoice.status.equals("draft");
        ObjectNode node = JSON.objectNode();
        node.put("id", invoice.id);
        node.put("object", "invoice");
        node.put("account_country", "US");
        node.put("account_name", "THE WANS");
        node.putNull("account_tax_ids");
        node.put("amount_due", invoice.amountDue);
        node.put("amount_overpaid", 0);
        node.put("amount_paid", invoice.amountPaid);
        node.put("amount_paid_off_stripe", 0);
        node.put("amount_remaining", invoice.status.equals("void") ? 0 : invoice.amountDue - invoice.amountPaid);
        node.put("amount_shipping", 0);
        node.putNull("application");
        node.put("attempt_count", invoice.attemptCount);
        node.put("attempted", invoice.attempted);
        node.put("auto_advance", invoice.autoAdvance);
        ObjectNode automaticTax = node.putObject("automatic_tax");
        automaticTax.putNull("disabled_reason");
        automaticTax.put("enabled", false);
        automaticTax.putNull("liability");
        automaticTax.putNull("provider");
        automaticTax.putNull("status");
        node.putNull("automatically_finalizes_at");
        node.put("billing_reason", invoice.billingReason);
        node.put("collection_method", "charge_automatically");
        node.put("created", invoice.created);
        node.put("currency", invoice.currency);
        node.putNull("custom_fields");
        node.put("customer", invoice.customer);
        node.putNull("customer_account");
        node.putNull("customer_address");
        node.put("customer_email", invoice.customerEmail);
        node.put("customer_name", invoice.customerName);
        node.put("customer_phone", invoice.customerPhone);
        node.putNull("customer_shipping");
        node.put("customer_tax_exempt", "none");
        node.putArray("customer_tax_ids");
        node.putNull("default_payment_method");
        node.putNull("default_source");
        node.putArray("default_tax_rates");
        node.putNull("description");
        node.putArray("discounts");
        node.putNull("due_date");
        node.put("effective_at", invoice.finalizedAt);
        if (draft) {
            node.putNull("ending_balance");
        } else {
            node.put("ending_balance", invoice.endingBalance);
        }
        node.putNull("footer");
        node.putNull("from_invoice");
        node.put("hosted_invoice_url", invoice.hostedUrl);
        node.put("invoice_pdf", invoice.hostedUrl == null ? null : invoice.hostedUrl + "/pdf");
        node.putObject("issuer").put("type", "self");
        node.putNull("last_finalization_error");
        node.putNull("latest_revision");
        ObjectNode lines = node.putObject("lines");
        lines.put("object", "list");
        ArrayNode data = lines.putArray("data");
        invoice.lines.forEach(line -> data.add(renderLine(invoice, line)));
        lines.put("has_more", false);
        lines.put("url", "/v1/invoices/" + (invoice.id == null ? "upcoming" : invoice.id) + "/lines");
        node.put("livemode", false);
        node.putObject("metadata");
        node.put("next_payment_attempt", invoice.nextPaymentAttempt);
        node.put("number", invoice.number);
        node.putNull("on_behalf_of");
        ObjectNode parent = node.putObject("parent");
        parent.putNull("quote_details");
        ObjectNode subscriptionDetails = parent.putObject("subscription_details");
        subscriptionDetails.set("metadata", StripeApi.metadata(invoice.subscriptionMetadata));
        subscriptionDetails.put("subscription", invoice.subscription);
        parent.put("type", "subscription_details");
        ObjectNode paymentSettings = node.putObject("payment_settings");
        paymentSettings.putNull("default_mandate");
        paymentSettings.putNull("payment_method_options");
        paymentSettings.putNull("payment_method_types");
        node.put("period_end", invoice.periodEnd);
        node.put("period_start", invoice.periodStart);
        node.put("post_payment_credit_notes_amount", 0);
        node.put("pre_payment_credit_notes_amount", 0);
        node.putNull("receipt_number");
        node.putNull("rendering");
        node.putNull("shipping_cost");
        node.putNull("shipping_details");
        node.put("starting_balance", invoice.startingBalance);
        node.putNull("statement_descriptor");
        node.put("status", invoice.status);
        ObjectNode transitions = node.putObject("status_transitions");
        transitions.put("finalized_at", invoice.finalizedAt);
        transitions.putNull("marked_uncollectible_at");
        transitions.put("paid_at", invoice.paidAt);
        transitions.put("voided_at", invoice.voidedAt);
        node.put("subtotal", invoice.total);
        node.put("subtotal_excluding_tax", invoice.total);
        node.put("test_clock", invoice.testClock);
        node.put("total", invoice.total);
        node.putArray("total_discount_amounts");
        node.put("total_excluding_tax", invoice.total);
        node.putArray("total_pretax_credit_amounts");
        node.putArray("total_taxes");
        node.put("webhooks_delivered_at", invoice.finalizedAt);
        return node;
    }

    private ObjectNode renderLine(Invoice invoice, Line line) {
        Subscription sub = subscriptions.get(invoice.subscription);
        ObjectNode node = JSON.objectNode();
        node.put("id", line.id);
        node.put("object", "line_item");
        node.put("amount", line.amount);
        node.put("currency", invoice.currency);
        node.put("description", line.description);
        node.putArray("discount_amounts");
        node.put("discountable", !line.proration);
        node.putArray("discounts");
        node.put("invoice", invoice.id);
        node.put("livemode", false);
        // a subscription's line carries the subscription's metadata, as Stripe's do
        node.set("metadata", StripeApi.metadata(line.proration || sub == null ? Map.of() : sub.metadata));
        ObjectNode parent = node.putObject("parent");
        parent.putNull("invoice_item_details");
        ObjectNode details = parent.putObject("subscription_item_details");
        details.put("invoice_item", line.invoiceItem);
        details.put("proration", line.proration);
        details.putObject("proration_details").putNull("credited_items");
        details.put("subscription", invoice.subscription);
        details.put("subscription_item", sub == null ? null : sub.itemId);
        parent.put("type", "subscription_item_details");
        ObjectNode period = node.putObject("period");
        period.put("end", line.end);
        period.put("start", line.start);
        node.putArray("pretax_credit_amounts");
        ObjectNode pricing = node.putObject("pricing");
        ObjectNode priceDetails = pricing.putObject("price_details");
        priceDetails.put("price", line.price.id);
        priceDetails.put("product", line.price.product);
        pricing.put("type", "price_details");
        pricing.put("unit_amount_decimal", String.valueOf(line.price.unitAmount));
        node.put("quantity", line.quantity);
        node.put("subscription", invoice.subscription);
        node.put("subtotal", line.amount);
        node.putArray("taxes");
        return node;
    }

    /** The invoice's default payment: the PaymentIntent Stripe made for it at finalization. */
    private ObjectNode renderPayment(Invoice invoice) {
        boolean paid = invoice.invoicePaymentStatus.equals("paid");
        boolean canceled = invoice.invoicePaymentStatus.equals("canceled");
        ObjectNode node = JSON.objectNode();
        node.put("id", invoice.invoicePayment);
        node.put("object", "invoice_payment");
        if (paid) {
            node.put("amount_paid", invoice.amountPaid);
        } else {
            node.putNull("amount_paid");
        }
        node.put("amount_requested", invoice.amountDue);
        node.put("created", invoice.finalizedAt);
        node.put("currency", invoice.currency);
        node.put("invoice", invoice.id);
        node.put("is_default", true);
        node.put("livemode", false);
        ObjectNode payment = node.putObject("payment");
        payment.put("payment_intent", invoice.paymentIntent);
        payment.put("type", "payment_intent");
        node.put("status", invoice.invoicePaymentStatus);
        ObjectNode transitions = node.putObject("status_transitions");
        transitions.put("canceled_at", canceled ? invoice.voidedAt : null);
        transitions.put("paid_at", paid ? invoice.paidAt : null);
        return node;
    }

    /** What the next renewal will bill, as {@code invoice.upcoming} carries it: an invoice with no id yet. */
    private ObjectNode upcoming(Subscription sub, long at) {
        Customer customer = api.customerRecord(sub.customer, "customer");
        long nextEnd = afterIntervals(sub.price, sub.anchor, sub.status.equals("trialing") ? 1 : sub.cycles + 2L);
        List<Line> lines = new ArrayList<>(sub.pendingProrations);
        lines.add(subscriptionLine(sub, sub.periodEnd, nextEnd));
        Invoice preview = new Invoice();
        preview.created = at;
        preview.customer = sub.customer;
        preview.customerEmail = customer.email;
        preview.customerName = customer.name;
        preview.customerPhone = customer.phone;
        preview.subscription = sub.id;
        preview.subscriptionMetadata = sub.metadata;
        preview.testClock = sub.testClock;
        preview.billingReason = "upcoming";
        preview.currency = sub.currency;
        preview.lines = lines;
        preview.periodStart = sub.periodStart;
        preview.periodEnd = sub.periodEnd;
        preview.total = lines.stream().mapToLong(line -> line.amount).sum();
        preview.startingBalance = customer.balance;
        preview.amountDue = Math.max(0, preview.total + customer.balance);
        preview.nextPaymentAttempt = sub.periodEnd;
        ObjectNode node = render(preview);
        node.remove("id");
        return node;
    }

    private static ObjectNode list(String url, List<ObjectNode> data, Params params) {
        Long limit = params.integer("limit");
        int most = limit == null ? 10 : (int) Math.max(1, Math.min(100, limit));
        ObjectNode node = JSON.objectNode();
        node.put("object", "list");
        ArrayNode array = node.putArray("data");
        data.stream().limit(most).forEach(array::add);
        node.put("has_more", data.size() > most);
        node.put("url", url);
        return node;
    }

    private static List<ObjectNode> newestFirst(List<ObjectNode> oldestFirst) {
        List<ObjectNode> newest = new ArrayList<>(oldestFirst);
        Collections.reverse(newest);
        return newest;
    }
}
