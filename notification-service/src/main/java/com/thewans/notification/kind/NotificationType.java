package com.thewans.notification.kind;

import java.util.List;

/**
 * Every kind of message the platform sends, with its category, whether it is critical (sign-in
 * codes, receipts, security alerts: they bypass preferences and quiet hours, because without them
 * the user cannot sign in or prove a payment) and the channels it goes out on by default.
 */
public enum NotificationType {
    VERIFICATION_CODE(Category.ACCOUNT, true, List.of(Channel.EMAIL)),
    PASSWORD_RESET_CODE(Category.ACCOUNT, true, List.of(Channel.EMAIL)),
    WELCOME(Category.ACCOUNT, false, List.of(Channel.EMAIL, Channel.INBOX)),
    PAYMENT_RECEIPT(Category.BILLING, true, List.of(Channel.EMAIL, Channel.INBOX)),
    PAYMENT_FAILED(Category.BILLING, false, List.of(Channel.EMAIL, Channel.INBOX)),
    SUBSCRIPTION_RENEWED(Category.BILLING, false, List.of(Channel.EMAIL, Channel.INBOX)),
    SUBSCRIPTION_PAST_DUE(Category.BILLING, false, List.of(Channel.EMAIL, Channel.INBOX)),
    SUBSCRIPTION_EXPIRING(Category.BILLING, false, List.of(Channel.EMAIL, Channel.INBOX)),
    SUBSCRIPTION_EXPIRED(Category.BILLING, false, List.of(Channel.EMAIL, Channel.INBOX)),
    RENTAL_GRANTED(Category.BILLING, false, List.of(Channel.EMAIL, Channel.INBOX)),
    FILM_READY(Category.CONTENT, false, List.of(Channel.EMAIL, Channel.INBOX)),
    FILM_FAILED(Category.CONTENT, false, List.of(Channel.EMAIL, Channel.INBOX)),
    ROYALTY_STATEMENT(Category.BILLING, false, List.of(Channel.EMAIL, Channel.INBOX)),
    NEW_RELEASES(Category.RELEASES, false, List.of(Channel.EMAIL, Channel.INBOX)),
    ANNOUNCEMENT(Category.SYSTEM, false, List.of(Channel.INBOX)),
    PROMOTION(Category.PROMOTIONS, false, List.of(Channel.EMAIL, Channel.INBOX)),
    SYSTEM_ALERT(Category.SYSTEM, true, List.of(Channel.EMAIL, Channel.INBOX));

    private final Category category;
    private final boolean critical;
    private final List<Channel> channels;

    NotificationType(Category category, boolean critical, List<Channel> channels) {
        this.category = category;
        this.critical = critical;
        this.channels = channels;
    }

    public Category category() {
        return category;
    }

    public boolean critical() {
        return critical;
    }

    public List<Channel> defaultChannels() {
        return channels;
    }
}
