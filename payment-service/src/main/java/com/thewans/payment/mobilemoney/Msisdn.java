package com.thewans.payment.mobilemoney;

import java.util.regex.Pattern;

/**
 * A payer's mobile number in E.164 form ({@code +67570000001}): a plus, a country code and the
 * subscriber number, 7 to 15 digits in all (the Pacific has numbers as short as Niue's 7 digits).
 * Wallets take it as the MSISDN without the plus. A value that exists is valid.
 */
public record Msisdn(String e164) {

    /** The form a request's phone field must have (the same rule, for bean validation). */
    public static final String E164 = "^\\+[1-9][0-9]{6,14}$";
    private static final Pattern FORM = Pattern.compile(E164);

    public Msisdn {
        if (e164 == null || !FORM.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number (+ country code and number, 7 to 15 digits)");
        }
    }

    /** The MSISDN as wallets name a payer: the digits without the plus. */
    public String digits() {
        return e164.substring(1);
    }

    /** Masked, so a log line never holds a payer's whole number. */
    @Override
    public String toString() {
        return e164.substring(0, Math.min(5, e164.length())) + "..." + e164.substring(e164.length() - 2);
    }
}
