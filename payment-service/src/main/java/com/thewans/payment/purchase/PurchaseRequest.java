package com.thewans.payment.purchase;

import java.util.UUID;

import com.thewans.common.problem.InvalidField;
import com.thewans.payment.mobilemoney.Msisdn;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A viewer buys a film the way one of its offers allows. No price: the service asks rights-service
 * for it. It is paid one of two ways. By card: with {@code card.paymentMethod} (a saved card, or a
 * Stripe test method such as {@code pm_card_visa}) the payment is confirmed at once; with neither
 * {@code card} nor {@code mobileMoney} the answer carries the client secret the web app confirms
 * with Stripe.js. By mobile money: {@code mobileMoney} names the wallet and the payer's phone, and
 * the payer approves on that phone.
 */
record PurchaseRequest(
        @NotNull UUID filmId,
        @NotNull Kind kind,
        @NotNull @Pattern(regexp = "^(PGK|USD)$", message = "must be PGK or USD") String currency,
        @Valid Card card,
        @Valid MobileMoney mobileMoney,
        @Size(max = 40) String coupon) {

    /** What can be bought from a film's offers (subscriptions have their own endpoint). */
    enum Kind {
        RENTAL, PURCHASE, PPV_TICKET, COLLECTOR;

        Transaction.Kind asTransactionKind() {
            return Transaction.Kind.valueOf(name());
        }
    }

    record Card(@Size(max = 255) @Pattern(regexp = "^pm_[A-Za-z0-9_]+$", message = "must be a Stripe payment method id")
            String paymentMethod) {
    }

    /**
     * @param wallet the wallet's name as the service knows it ({@code cellmoni}); one it does not have is a 422
     * @param phone  the payer's mobile number in E.164 form ({@code +67570000001})
     */
    record MobileMoney(
            @NotNull @Pattern(regexp = "^[a-z0-9-]{1,40}$", message = "must be a wallet name such as cellmoni")
            String wallet,
            @NotNull @Pattern(regexp = Msisdn.E164, message = "must be an E.164 phone number such as +67570000001")
            String phone) {
    }

    String paymentMethod() {
        return card == null ? null : card.paymentMethod();
    }

    /** Which provider takes the payment; one way only, so a client never wonders which was used. */
    Transaction.Provider provider() {
        if (card != null && mobileMoney != null) {
            throw new InvalidField("mobileMoney", "give card or mobileMoney, not both");
        }
        return mobileMoney != null ? Transaction.Provider.MOBILE_MONEY : Transaction.Provider.STRIPE;
    }
}
