package com.thewans.payment.subscription;

import com.thewans.common.problem.InvalidField;
import com.thewans.payment.mobilemoney.Msisdn;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A viewer subscribes to a plan, paying one of two ways. By card through Stripe Billing: the card
 * (a saved or test payment method such as {@code pm_card_visa}) becomes the customer's default,
 * which Stripe charges each period. By mobile money: the wallet and the payer's phone, which the
 * platform asks to approve each period's payment before the period ends. A {@code coupon} takes its
 * amount off the first period that is paid (the one after a trial).
 */
record SubscribeRequest(
        @NotBlank @Size(max = 40) String plan,
        @NotNull @Pattern(regexp = "^(PGK|USD)$", message = "must be PGK or USD") String currency,
        @Valid Card card,
        @Valid MobileMoney mobileMoney,
        @Size(max = 40) String coupon) {

    record Card(@NotNull @Size(max = 255) @Pattern(regexp = "^pm_[A-Za-z0-9_]+$",
            message = "must be a Stripe payment method id") String paymentMethod) {
    }

    /**
     * @param wallet the wallet's name as the service knows it ({@code cellmoni})
     * @param phone  the payer's mobile number in E.164 form ({@code +67570000001})
     */
    record MobileMoney(
            @NotNull @Pattern(regexp = "^[a-z0-9-]{1,40}$", message = "must be a wallet name such as cellmoni")
            String wallet,
            @NotNull @Pattern(regexp = Msisdn.E164, message = "must be an E.164 phone number such as +67570000001")
            String phone) {
    }

    /** Paid by mobile money (else by card); one way only, and one way is needed. */
    boolean byMobileMoney() {
        if (card != null && mobileMoney != null) {
            throw new InvalidField("mobileMoney", "give card or mobileMoney, not both");
        }
        if (card == null && mobileMoney == null) {
            throw new InvalidField("card", "give card or mobileMoney to pay each period with");
        }
        return mobileMoney != null;
    }
}
