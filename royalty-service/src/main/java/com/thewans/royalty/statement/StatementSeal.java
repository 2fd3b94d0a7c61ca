package com.thewans.royalty.statement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The notarisation of an issued statement: SHA-256 (lower-case hex) over its canonical form, which
 * includes the hash of the party's previous issued statement, so the party's statements form a
 * chain and an edit of any of them breaks every link after it. The canonical form is UTF-8 text,
 * one {@code name=value} per line, each ending in {@code \n}, in exactly this order:
 * <pre>
 * wans-royalty-statement/1
 * id=&lt;uuid&gt;
 * party=&lt;uuid&gt;
 * role=&lt;PRODUCER|DISTRIBUTOR|PLATFORM&gt;
 * film=&lt;uuid&gt;
 * period=&lt;YYYY-MM&gt;
 * currency=&lt;PGK|USD&gt;
 * amount=&lt;integer minor units&gt;
 * recouped=&lt;integer minor units&gt;
 * lines=&lt;kind:step:base:amount joined by ';', in the statement's order&gt;
 * sequence=&lt;the statement's number in the party's chain, from 1&gt;
 * previous=&lt;the previous statement's hash, or '-' for the first&gt;
 * issuedAt=&lt;ISO-8601 UTC instant, microseconds&gt;
 * </pre>
 */
public final class StatementSeal {

    public static final String GENESIS = "-";

    private StatementSeal() {
    }

    public record Sealed(UUID id, UUID partyId, String role, UUID filmId, String period, String currency, long amount,
            long recouped, List<StatementLine> lines, long sequence, String previousHash, Instant issuedAt) {
    }

    public static String canonical(Sealed s) {
        return "wans-royalty-statement/1\n"
                + "id=" + s.id() + "\n"
                + "party=" + s.partyId() + "\n"
                + "role=" + s.role() + "\n"
                + "film=" + s.filmId() + "\n"
                + "period=" + s.period() + "\n"
                + "currency=" + s.currency() + "\n"
                + "amount=" + s.amount() + "\n"
                + "recouped=" + s.recouped() + "\n"
                + "lines=" + s.lines().stream().map(StatementLine::canonical).collect(Collectors.joining(";")) + "\n"
                + "sequence=" + s.sequence() + "\n"
                + "previous=" + (s.previousHash() == null ? GENESIS : s.previousHash()) + "\n"
                + "issuedAt=" + s.issuedAt() + "\n";
    }

    public static String hash(Sealed s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(s).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
