package com.thewans.identity.account;

import com.thewans.common.problem.InvalidField;

/** An email address or a phone number that identifies an account and can receive a code. */
public record Contact(ContactChannel channel, String value) {

    /** Exactly one of the two, as sign-in and password-reset requests send them. */
    public static Contact of(String email, String phone) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasEmail == hasPhone) {
            throw new InvalidField(hasEmail ? "phone" : "email", "send either an email or a phone number");
        }
        return hasEmail ? email(EmailAddress.of(email)) : phone(PhoneNumber.of(phone));
    }

    /** "someone@example.com" or "+675...", as the destination of a code. */
    public static Contact parse(String destination) {
        return EmailAddress.looksLikeOne(destination) ? email(EmailAddress.of(destination))
                : phone(PhoneNumber.of(destination));
    }

    public static Contact email(EmailAddress email) {
        return new Contact(ContactChannel.EMAIL, email.value());
    }

    public static Contact phone(PhoneNumber phone) {
        return new Contact(ContactChannel.SMS, phone.value());
    }
}
