package com.thewans.payment.purchase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;

/**
 * What a film is on sale for, asked of rights-service at the moment of purchase: the price is
 * never the client's, nor a copy kept here that could be out of date.
 */
@Component
class Offers {

    /** Which of rights' offers each kind of purchase buys. */
    static final Map<Transaction.Kind, String> OFFER_OF = Map.of(Transaction.Kind.RENTAL, "RENT",
            Transaction.Kind.PURCHASE, "BUY", Transaction.Kind.PPV_TICKET, "PPV_TICKET", Transaction.Kind.COLLECTOR,
            "COLLECTOR_EDITION");

    /** Our own small view of rights' availability (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Availability(UUID filmId, String territory, List<Offer> offers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Offer(UUID windowId, String windowType, String offer, List<Price> prices, Instant endsAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Price(long amount, String currency) {
    }

    /** The window the purchase comes from and its price in the currency asked for. */
    record OnSale(UUID windowId, String windowType, long amount) {
    }

    private final ServiceClient rights;

    Offers(ServiceClients clients) {
        this.rights = clients.forService("rights");
    }

    OnSale price(UUID filmId, Transaction.Kind kind, String territory, String currency) {
        Availability availability = rights.get("/api/availability/{filmId}?territory={territory}", Availability.class,
                filmId, territory);
        List<Offer> offers = availability == null || availability.offers() == null ? List.of() : availability.offers();
        Offer offer = offers.stream().filter(o -> OFFER_OF.get(kind).equals(o.offer())).findFirst()
                .orElseThrow(() -> new OfferNotAvailable(filmId, kind, territory,
                        offers.stream().map(Offer::offer).distinct().sorted().toList()));
        List<Price> prices = offer.prices() == null ? List.of() : offer.prices();
        return prices.stream().filter(p -> p.currency().equals(currency) && p.amount() > 0).findFirst()
                .map(p -> new OnSale(offer.windowId(), offer.windowType(), p.amount()))
                .orElseThrow(() -> new CurrencyNotOffered(currency, prices.stream().map(Price::currency).sorted().toList()));
    }
}
