package com.thewans.payment.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A viewer subscribes to a plan, paying by card through Stripe Billing: the card (a saved or test
 * payment method such as {@code pm_card_visa}) becomes the customer's default, which Stripe charges
 * each period.
 */
record SubscribeRequest(
        @NotBlank @Size(max = 40) String plan,
        @NotNull @Pattern(regexp = "^(PGK|USD)$", message = "must be PGK or USD") String currency,
        @NotNull @Valid Card card) {

    record Card(@NotNull @Size(max = 255) @Pattern(regexp = "^pm_[A-Za-z0-9_]+$",
            message = "must be a Stripe payment method id") String paymentMethod) {
    }
}
