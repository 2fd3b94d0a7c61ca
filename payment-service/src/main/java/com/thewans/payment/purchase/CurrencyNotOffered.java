package com.thewans.payment.purchase;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The offer has no price in the currency asked for; {@code currencies} lists the ones it has. */
class CurrencyNotOffered extends WansException {

    CurrencyNotOffered(String currency, List<String> currencies) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "currency-not-offered", "This offer is not priced in " + currency);
        with("currency", currency);
        with("currencies", currencies);
    }
}
