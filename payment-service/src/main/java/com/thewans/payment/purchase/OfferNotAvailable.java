package com.thewans.payment.purchase;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The film is not on sale that way in the viewer's territory right now; {@code offers} says what is. */
class OfferNotAvailable extends WansException {

    OfferNotAvailable(UUID filmId, Transaction.Kind kind, String territory, List<String> offers) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "offer-not-available",
                "This film cannot be bought as " + kind + " in " + territory + " right now");
        with("filmId", filmId);
        with("kind", kind);
        with("territory", territory);
        with("offers", offers);
    }
}
