package com.thewans.rights.window;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.thewans.common.problem.InvalidField;

/** What a window sells and on which terms; which terms a type takes is checked here. */
record WindowTerms(Map<Currency, Long> prices, RentalTerms rental, PpvEvent ppv, Integer editionSize) {

    static Map<Currency, Long> prices(List<PriceRequest> requested) {
        Map<Currency, Long> prices = new EnumMap<>(Currency.class);
        if (requested != null) {
            for (PriceRequest price : requested) {
                if (prices.put(price.currency(), price.amount()) != null) {
                    throw new InvalidField("prices", "lists " + price.currency() + " more than once");
                }
            }
        }
        return prices;
    }

    /** Fills defaults and refuses terms the type does not take or misses terms it needs. */
    WindowTerms validFor(WindowType type) {
        if (type.isPriced() && prices.isEmpty()) {
            throw new InvalidField("prices", "a " + type + " window needs at least one price (PGK or USD)");
        }
        if (!type.isPriced() && !prices.isEmpty()) {
            throw new InvalidField("prices", "a " + type + " window is not sold for a price");
        }
        RentalTerms terms = rental;
        if (type == WindowType.TVOD) {
            terms = rental == null ? RentalTerms.defaults() : rental.withDefaults();
        } else if (rental != null) {
            throw new InvalidField("rental", "only TVOD windows have rental terms");
        }
        if (type == WindowType.PPV && ppv == null) {
            throw new InvalidField("ppv", "a PPV window needs its event (eventStartsAt, durationMinutes)");
        }
        if (type != WindowType.PPV && ppv != null) {
            throw new InvalidField("ppv", "only PPV windows have an event");
        }
        if (type == WindowType.COLLECTOR && editionSize == null) {
            throw new InvalidField("editionSize", "a COLLECTOR window needs its edition size");
        }
        if (type != WindowType.COLLECTOR && editionSize != null) {
            throw new InvalidField("editionSize", "only COLLECTOR windows have an edition size");
        }
        return new WindowTerms(prices, terms, ppv, editionSize);
    }
}
