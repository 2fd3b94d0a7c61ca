package com.thewans.identity.account;

/** How a code reaches a person: an email, or an SMS to their phone. */
public enum ContactChannel {
    EMAIL, SMS
}
