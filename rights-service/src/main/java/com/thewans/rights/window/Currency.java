package com.thewans.rights.window;

import java.util.Locale;

/** The currencies windows are priced in (ISO 4217), with how a price is shown to a viewer. */
public enum Currency {
    PGK("K"), USD("US$");

    private final String symbol;

    Currency(String symbol) {
        this.symbol = symbol;
    }

    /** 990 PGK is "K 9.90": both currencies have two minor digits. */
    public String display(long minorUnits) {
        return String.format(Locale.ROOT, "%s %d.%02d", symbol, minorUnits / 100, minorUnits % 100);
    }
}
