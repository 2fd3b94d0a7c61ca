package com.thewans.notification.contact;

import java.util.UUID;

/** How to reach one user, as this service knows it: never read from identity's tables. */
public record Contact(UUID userId, String email, String phone, String language, String territory,
        QuietHours quietHours) {

    public static final String DEFAULT_LANGUAGE = "en";

    /** Someone this service has heard nothing about yet: English, Port Moresby time, no address. */
    public static Contact unknown(UUID userId) {
        return new Contact(userId, null, null, DEFAULT_LANGUAGE, null, QuietHours.none(null));
    }
}
