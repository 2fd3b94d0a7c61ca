package com.thewans.identity.account;

import java.util.regex.Pattern;

import com.thewans.common.problem.InvalidField;

/**
 * A phone number in E.164 (+67571234567). Many viewers in PNG have a phone and no email, so a
 * phone is a full sign-in identity. Spaces, dashes, dots and brackets people type are dropped.
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern TYPED_SEPARATORS = Pattern.compile("[\\s\\-.()]");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new InvalidField("phone", "must be an international number in E.164 form, such as +67571234567");
        }
    }

    public static PhoneNumber of(String raw) {
        if (raw == null || raw.length() > 32) {
            return new PhoneNumber(null);
        }
        return new PhoneNumber(TYPED_SEPARATORS.matcher(raw.strip()).replaceAll(""));
    }

    @Override
    public String toString() {
        return value;
    }
}
