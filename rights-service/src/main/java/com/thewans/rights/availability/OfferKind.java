package com.thewans.rights.availability;

import com.thewans.rights.window.WindowType;

/** What a window lets a viewer do. */
public enum OfferKind {
    FESTIVAL_SCREENING, IN_CINEMAS, COLLECTOR_EDITION, BUY, PPV_TICKET, RENT, SUBSCRIPTION, WATCH_FREE_WITH_ADS;

    static OfferKind of(WindowType type) {
        return switch (type) {
            case FESTIVAL -> FESTIVAL_SCREENING;
            case CINEMA -> IN_CINEMAS;
            case COLLECTOR -> COLLECTOR_EDITION;
            case PVOD -> BUY;
            case PPV -> PPV_TICKET;
            case TVOD -> RENT;
            case SVOD -> SUBSCRIPTION;
            case AVOD -> WATCH_FREE_WITH_ADS;
        };
    }

    /** Festival and cinema windows are not watched on the platform by the general public. */
    boolean streamable() {
        return this != FESTIVAL_SCREENING && this != IN_CINEMAS;
    }
}
