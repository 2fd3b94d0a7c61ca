package com.thewans.payment.purchase;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;
import com.thewans.common.web.EdgeCountry;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a viewer is buying from, which decides the offer and its price: the edge's country header
 * (trusted, see {@link EdgeCountry}), else the country in the viewer's profile. Never a field the
 * client fills in, which would let anyone shop in the cheapest territory.
 */
@Component
public class Territories {

    /** Our own small view of identity's profile (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String country) {
    }

    private final ServiceClient identity;

    Territories(ServiceClients clients) {
        this.identity = clients.forService("identity");
    }

    public String of(HttpServletRequest request) {
        return EdgeCountry.of(request).or(this::profileCountry).orElseThrow(TerritoryUnknown::new);
    }

    private Optional<String> profileCountry() {
        try {
            Profile profile = identity.get("/api/profile", Profile.class);
            return Optional.ofNullable(profile == null ? null : profile.country());
        } catch (WansException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
