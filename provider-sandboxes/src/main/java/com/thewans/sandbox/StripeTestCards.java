package com.thewans.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * The test payment methods and card numbers the Stripe sandbox knows, named and behaving as in
 * Stripe's testing documentation. Anything else is refused the way Stripe's test mode refuses it.
 */
public final class StripeTestCards {

    /** Visa 4242 4242 4242 4242: the payment succeeds. */
    public static final String VISA = "pm_card_visa";
    /** Mastercard 5555 5555 5555 4444: the payment succeeds. */
    public static final String MASTERCARD = "pm_card_mastercard";
    /** Visa 4000 0000 0000 0002: declined, {@code card_declined} / {@code generic_decline}. */
    public static final String DECLINED = "pm_card_chargeDeclined";
    /** Visa 4000 0000 0000 9995: declined, {@code card_declined} / {@code insufficient_funds}. */
    public static final String DECLINED_INSUFFICIENT_FUNDS = "pm_card_chargeDeclinedInsufficientFunds";
    /**
     * Visa 4000 0000 0000 0341: attaching it to a customer succeeds, every charge is then declined
     * ({@code card_declined} / {@code generic_decline}): how a test makes a renewal fail.
     */
    public static final String CHARGE_CUSTOMER_FAIL = "pm_card_chargeCustomerFail";

    public static final String VISA_NUMBER = "4242424242424242";
    public static final String MASTERCARD_NUMBER = "5555555555554444";
    public static final String DECLINED_NUMBER = "4000000000000002";
    public static final String DECLINED_INSUFFICIENT_FUNDS_NUMBER = "4000000000009995";
    public static final String CHARGE_CUSTOMER_FAIL_NUMBER = "4000000000000341";

    /** What charging a card does. */
    enum Outcome {
        SUCCEEDS(null, null, null),
        GENERIC_DECLINE("generic_decline", "Your card was declined.",
                "The bank did not return any further details with this decline."),
        INSUFFICIENT_FUNDS("insufficient_funds", "Your card has insufficient funds.",
                "The bank returned the decline code `insufficient_funds`."),
        LIVE_CARD_IN_TEST_MODE("test_mode_live_card",
                "Your card was declined. Your request was in test mode, but used a non test (live) card. "
                        + "For a list of valid test cards, visit: https://stripe.com/docs/testing.",
                "This charge request was in test mode, but did not use a Stripe test card number.");

        final String declineCode;
        final String message;
        final String sellerMessage;

        Outcome(String declineCode, String message, String sellerMessage) {
            this.declineCode = declineCode;
            this.message = message;
            this.sellerMessage = sellerMessage;
        }
    }

    /**
     * A card as a PaymentMethod describes it.
     *
     * @param attachable whether attaching it to a customer succeeds: Stripe checks the card when it
     *                   is attached, so a card that declines every charge is refused there already
     */
    record Card(String brand, String last4, String funding, String country, Outcome outcome, boolean attachable) {
    }

    private static final Map<String, Card> BY_NUMBER = Map.of(
            VISA_NUMBER, new Card("visa", "4242", "credit", "US", Outcome.SUCCEEDS, true),
            MASTERCARD_NUMBER, new Card("mastercard", "4444", "credit", "US", Outcome.SUCCEEDS, true),
            DECLINED_NUMBER, new Card("visa", "0002", "credit", "US", Outcome.GENERIC_DECLINE, false),
            DECLINED_INSUFFICIENT_FUNDS_NUMBER, new Card("visa", "9995", "credit", "US", Outcome.INSUFFICIENT_FUNDS, false),
            CHARGE_CUSTOMER_FAIL_NUMBER, new Card("visa", "0341", "credit", "US", Outcome.GENERIC_DECLINE, true));

    private static final Map<String, String> NUMBER_BY_TEST_METHOD = Map.of(
            VISA, VISA_NUMBER,
            MASTERCARD, MASTERCARD_NUMBER,
            DECLINED, DECLINED_NUMBER,
            DECLINED_INSUFFICIENT_FUNDS, DECLINED_INSUFFICIENT_FUNDS_NUMBER,
            CHARGE_CUSTOMER_FAIL, CHARGE_CUSTOMER_FAIL_NUMBER);

    private StripeTestCards() {
    }

    static Optional<Card> byTestMethod(String paymentMethod) {
        return Optional.ofNullable(NUMBER_BY_TEST_METHOD.get(paymentMethod)).map(BY_NUMBER::get);
    }

    /** A raw number: a known test card, or any other well-formed number refused as a live card. */
    static Card byNumber(String number) {
        String digits = number.replaceAll("[\\s-]", "");
        Card known = BY_NUMBER.get(digits);
        if (known != null) {
            return known;
        }
        String last4 = digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
        String brand = digits.startsWith("4") ? "visa" : digits.startsWith("5") ? "mastercard" : "unknown";
        return new Card(brand, last4, "credit", "US", Outcome.LIVE_CARD_IN_TEST_MODE, false);
    }
}
