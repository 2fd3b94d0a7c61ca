package com.thewans.royalty.statement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One statement: what one party earned from one film in one currency in one period, and how. */
public record StatementView(UUID id, String period, UUID partyId, String role, UUID filmId, String currency,
        long amount, String display, long recouped, List<StatementLine> lines, String status, Long sequence,
        String previousHash, String hash, Instant issuedAt, UUID payoutId) {

    public static String display(String currency, long amount) {
        String sign = amount < 0 ? "-" : "";
        long abs = Math.abs(amount);
        String money = (abs / 100) + "." + String.format("%02d", abs % 100);
        return sign + ("PGK".equals(currency) ? "K " : "US$ ") + money;
    }
}
