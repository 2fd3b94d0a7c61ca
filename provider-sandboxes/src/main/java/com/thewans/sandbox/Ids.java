package com.thewans.sandbox;

import java.security.SecureRandom;

/** Identifiers shaped like the providers' own: a type prefix and random letters and digits. */
final class Ids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A Stripe-style id such as {@code pi_3Qx...}: the prefix, an underscore and 24 characters. */
    static String stripe(String prefix) {
        return prefix + "_" + random(24);
    }

    static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static String digits(int length) {
        StringBuilder text = new StringBuilder(length);
        text.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < length; i++) {
            text.append(RANDOM.nextInt(10));
        }
        return text.toString();
    }
}
