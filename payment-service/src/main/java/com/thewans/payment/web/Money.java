package com.thewans.payment.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * An amount in minor units of a currency the platform takes, as requests send it and views show
 * it ({@code display} is filled in on the way out and ignored on the way in).
 */
public record Money(@Positive long amount,
        @NotNull @Pattern(regexp = "^(PGK|USD)$", message = "must be PGK or USD") String currency,
        String display) {

    public Money(long amount, String currency) {
        this(amount, currency, Currency.ofCode(currency) == null ? null : Currency.ofCode(currency).display(amount));
    }
}
