package com.thewans.rights.window;

/** A price in minor units of an ISO 4217 currency, with the text a viewer sees. */
public record Price(long amount, Currency currency, String display) {

    public static Price of(long amount, Currency currency) {
        if (amount <= 0) {
            throw new IllegalArgumentException("A price is positive");
        }
        return new Price(amount, currency, currency.display(amount));
    }
}
