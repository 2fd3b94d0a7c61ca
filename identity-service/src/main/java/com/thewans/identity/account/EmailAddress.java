package com.thewans.identity.account;

import java.util.Locale;
import java.util.regex.Pattern;

import com.thewans.common.problem.InvalidField;

/** An email address as identity stores it: trimmed and lower case, so uniqueness ignores case. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidField("email", "must be an email address such as name@example.com");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }

    public static boolean looksLikeOne(String raw) {
        return raw != null && raw.contains("@");
    }

    @Override
    public String toString() {
        return value;
    }
}
