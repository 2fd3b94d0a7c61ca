package com.thewans.notification.kind;

/**
 * What a notification is about, the unit users choose by. Only release news and promotions are
 * optional by default; a user may turn off any channel of the others too, except what is critical
 * (see {@link NotificationType#critical()}), which always goes out.
 */
public enum Category {
    ACCOUNT(false), BILLING(false), CONTENT(false), RELEASES(true), PROMOTIONS(true), SYSTEM(false);

    private final boolean marketing;

    Category(boolean marketing) {
        this.marketing = marketing;
    }

    /** Mail of this category carries a one-click List-Unsubscribe (RFC 8058) and an unsubscribe link. */
    public boolean marketing() {
        return marketing;
    }
}
