package com.thewans.identity.wallet;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.web3j.crypto.Keys;


/**
 * An EIP-4361 (Sign-In with Ethereum) message, parsed strictly: the fixed header and address
 * lines, an optional statement, then the named fields, each at most once.
 */
record SiweMessage(String scheme, String domain, String address, String statement, URI uri, String version,
        long chainId, String nonce, Instant issuedAt, Instant expirationTime, Instant notBefore, String requestId) {

    static final int MAX_LENGTH = 4096;
    private static final Pattern HEADER = Pattern.compile(
            "^(?:([a-zA-Z][a-zA-Z0-9+.-]*)://)?(\\S+) wants you to sign in with your Ethereum account:$");
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final Pattern NONCE = Pattern.compile("^[a-zA-Z0-9]{8,}$");
    private static final Set<String> FIELDS = Set.of("URI", "Version", "Chain ID", "Nonce", "Issued At",
            "Expiration Time", "Not Before", "Request ID");

    static SiweMessage parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid("The message must be an EIP-4361 sign-in message of at most " + MAX_LENGTH + " characters");
        }
        List<String> lines = List.of(text.split("\n", -1));
        if (lines.size() < 4) {
            throw invalid("The message is too short to be an EIP-4361 sign-in message");
        }
        Matcher header = HEADER.matcher(lines.get(0));
        if (!header.matches()) {
            throw invalid("The first line must be '<domain> wants you to sign in with your Ethereum account:'");
        }
        String address = lines.get(1);
        if (!ADDRESS.matcher(address).matches() || !Keys.toChecksumAddress(address).equals(address)) {
            throw invalid("The second line must be an EIP-55 checksummed Ethereum address");
        }
        if (!lines.get(2).isEmpty()) {
            throw invalid("The address must be followed by an empty line");
        }
        int next = 3;
        String statement = null;
        if (!lines.get(next).isEmpty() && !lines.get(next).startsWith("URI: ")) {
            statement = lines.get(next);
            next++;
        }
        while (next < lines.size() && lines.get(next).isEmpty()) {
            next++;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (; next < lines.size(); next++) {
            String line = lines.get(next);
            if (line.equals("Resources:")) {
                // resources are listed for the relying party; this sign-in grants none of them
                next++;
                while (next < lines.size() && lines.get(next).startsWith("- ")) {
                    next++;
                }
                if (next < lines.size() && !(next == lines.size() - 1 && lines.get(next).isEmpty())) {
                    throw invalid("Resources must be the last part of the message");
                }
                break;
            }
            if (line.isEmpty() && next == lines.size() - 1) {
                break;
            }
            int colon = line.indexOf(": ");
            String name = colon < 0 ? line : line.substring(0, colon);
            if (colon < 0 || !FIELDS.contains(name) || fields.putIfAbsent(name, line.substring(colon + 2)) != null) {
                throw invalid("Unexpected or repeated line in the message: " + abbreviate(line));
            }
        }
        return new SiweMessage(header.group(1), header.group(2), address, statement, uri(required(fields, "URI")),
                required(fields, "Version"), chainId(required(fields, "Chain ID")), nonce(required(fields, "Nonce")),
                time(required(fields, "Issued At"), "Issued At"), optionalTime(fields, "Expiration Time"),
                optionalTime(fields, "Not Before"), fields.get("Request ID"));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw invalid("The message has no " + name);
        }
        return value;
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw invalid("The URI must be absolute");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw invalid("The URI is not a valid URI");
        }
    }

    private static long chainId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid("The Chain ID must be a number");
        }
    }

    private static String nonce(String value) {
        if (!NONCE.matcher(value).matches()) {
            throw invalid("The Nonce must be at least 8 letters and digits");
        }
        return value;
    }

    private static Instant optionalTime(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? null : time(value, name);
    }

    private static Instant time(String value, String name) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("The " + name + " must be an RFC 3339 date-time");
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    static InvalidSiweMessage invalid(String detail) {
        return new InvalidSiweMessage(detail);
    }
}
