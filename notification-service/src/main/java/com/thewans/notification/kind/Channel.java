package com.thewans.notification.kind;

/** How a notification reaches someone: an email, a text message, or the app's own inbox. */
public enum Channel {
    EMAIL, SMS, INBOX
}
