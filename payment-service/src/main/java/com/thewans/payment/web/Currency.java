package com.thewans.payment.web;

import java.util.Locale;

/** The currencies the platform takes (ISO 4217), with how an amount is shown to a viewer. */
public enum Currency {
    PGK("K"), USD("US$");

    private final String symbol;

    Currency(String symbol) {
        this.symbol = symbol;
    }

    /** 990 PGK is "K 9.90": both currencies have two minor digits. */
    public String display(long minorUnits) {
        return String.format(Locale.ROOT, "%s%s %d.%02d", minorUnits < 0 ? "-" : "", symbol, Math.abs(minorUnits) / 100,
                Math.abs(minorUnits) % 100);
    }

    /** The currency of an ISO code, or null for one the platform does not take. */
    public static Currency ofCode(String code) {
        for (Currency c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return null;
    }
}
