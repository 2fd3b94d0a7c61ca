package com.thewans.royalty.statement;

/**
 * One step of how a party's amount came about: of {@code base} (what reached the step for that
 * revenue kind) the party got {@code amount} by {@code step} (FEE, RECOUP or SHARE).
 */
public record StatementLine(String revenueKind, String step, long base, long amount) {

    String canonical() {
        return revenueKind + ":" + step + ":" + base + ":" + amount;
    }
}
