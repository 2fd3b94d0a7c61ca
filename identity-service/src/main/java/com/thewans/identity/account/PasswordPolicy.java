package com.thewans.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.thewans.common.problem.Problems;
import com.thewans.common.problem.WansException;

/**
 * What a password must be: 10 to 128 characters, not all of one kind (only digits, only lower
 * case...), not one of the passwords attackers try first, and not the account's own email or
 * phone. Length matters far more than composition, so the composition rule is deliberately mild.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    /** The most common leaked passwords of at least the minimum length, plus local favourites. */
    private static final Set<String> COMMON = Set.of(
            "1234567890", "12345678910", "123456789012", "0987654321", "1122334455", "1111111111",
            "0000000000", "1q2w3e4r5t", "1qaz2wsx3edc", "q1w2e3r4t5", "qwertyuiop", "qwerty1234",
            "qwerty12345", "qwerty123456", "asdfghjkl1", "zxcvbnm123", "password12", "password123",
            "password1234", "password!1", "passw0rd123", "p@ssw0rd123", "iloveyou12", "iloveyou123",
            "welcome123", "welcome1234", "letmein123", "abc1234567", "abcd123456", "abcdefghij",
            "football123", "baseball123", "princess123", "sunshine123", "dragon1234", "monkey1234",
            "starwars123", "whatever12", "trustno1234", "administrator", "admin12345", "changeme123",
            "thewans123", "thewans2024", "thewans2025", "thewans2026", "papuanewguinea", "portmoresby",
            "portmoresby1", "png1234567", "lae1234567");

    /** Refuses the password, naming every rule it breaks. */
    public void check(String password, List<String> personalWords) {
        List<String> reasons = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            reasons.add("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (password != null && length >= MIN_LENGTH) {
            if (kinds(password) < 2) {
                reasons.add("must mix at least two kinds of character (letters, capitals, digits, symbols)");
            }
            String lower = password.toLowerCase(Locale.ROOT);
            if (COMMON.contains(lower)) {
                reasons.add("is one of the most common passwords");
            }
            for (String word : personalWords) {
                if (word != null && word.length() >= 4 && lower.contains(word.toLowerCase(Locale.ROOT))) {
                    reasons.add("must not contain your email or phone number");
                    break;
                }
            }
        }
        if (!reasons.isEmpty()) {
            throw new WeakPassword(reasons);
        }
    }

    private static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
            i += Character.charCount(c);
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** The parts of an email or phone that a password must not repeat. */
    public static List<String> personalWords(String email, String phone) {
        List<String> words = new ArrayList<>();
        if (email != null) {
            words.add(email.substring(0, Math.max(email.indexOf('@'), 0)));
        }
        if (phone != null) {
            words.add(phone.substring(Math.max(phone.length() - 7, 0)));
        }
        return words;
    }

    public static class WeakPassword extends WansException {

        WeakPassword(List<String> reasons) {
            super(HttpStatus.BAD_REQUEST, "weak-password", "The password " + String.join("; ", reasons));
            with("errors", reasons.stream().map(r -> new Problems.FieldError("password", r)).toList());
        }
    }
}
