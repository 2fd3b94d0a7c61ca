package com.thewans.payment.purchase;

import org.springframework.stereotype.Component;

import com.thewans.common.client.ServiceClients;
import com.thewans.common.web.EdgeCountry;
import com.thewans.common.web.ViewerCountry;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a viewer is buying from, which decides the offer and its price: the edge's country header
 * (trusted, see {@link EdgeCountry}), else the country in the viewer's profile (common's
 * {@link ViewerCountry}). Never a field the client fills in, which would let anyone shop in the
 * cheapest territory.
 */
@Component
public class Territories {

    private final ViewerCountry country;

    Territories(ServiceClients clients) {
        this.country = new ViewerCountry(clients);
    }

    public String of(HttpServletRequest request) {
        return country.of(request).orElseThrow(TerritoryUnknown::new);
    }
}
