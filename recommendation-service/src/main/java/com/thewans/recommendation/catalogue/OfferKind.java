package com.thewans.recommendation.catalogue;

import java.util.Optional;

/**
 * What an open window lets a viewer do, in rights-service's words (its availability's offer kinds),
 * in the order a row lists them: what the viewer may already have first. Festival and cinema
 * windows are not watched on the platform, so they make no offer here.
 */
public enum OfferKind {
    SUBSCRIPTION, WATCH_FREE_WITH_ADS, RENT, BUY, PPV_TICKET, COLLECTOR_EDITION;

    static Optional<OfferKind> ofWindowType(String type) {
        return Optional.ofNullable(switch (type) {
            case "SVOD" -> SUBSCRIPTION;
            case "AVOD" -> WATCH_FREE_WITH_ADS;
            case "TVOD" -> RENT;
            case "PVOD" -> BUY;
            case "PPV" -> PPV_TICKET;
            case "COLLECTOR" -> COLLECTOR_EDITION;
            default -> null;
        });
    }
}
