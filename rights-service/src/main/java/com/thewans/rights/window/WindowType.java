package com.thewans.rights.window;

/** The kinds of release window, in the order a film usually travels through them. */
public enum WindowType {
    FESTIVAL, CINEMA, COLLECTOR, PVOD, PPV, TVOD, SVOD, AVOD;

    /** Windows whose offer is sold for a price per currency. */
    public boolean isPriced() {
        return this == COLLECTOR || this == PVOD || this == PPV || this == TVOD;
    }
}
