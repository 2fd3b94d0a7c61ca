package com.thewans.royalty.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The seal changes with every field of a statement and with its predecessor's hash. */
class StatementSealProperties {

    static StatementSeal.Sealed statement(long amount, long base, long sequence, String previous) {
        return new StatementSeal.Sealed(UUID.fromString("5b1f0e0c-1111-4a4a-8b8b-000000000001"),
                UUID.fromString("5b1f0e0c-2222-4a4a-8b8b-000000000002"), "PRODUCER",
                UUID.fromString("5b1f0e0c-3333-4a4a-8b8b-000000000003"), "2026-11", "PGK", amount, 0,
                List.of(new StatementLine("TRANSACTIONAL", "SHARE", base, amount)), sequence, previous,
                Instant.parse("2026-12-01T02:00:00.123456Z"));
    }

    @Property
    void anyChangeToTheAmountOrItsLinesChangesTheHash(@ForAll @LongRange(min = 0, max = 1_000_000_000) long amount,
            @ForAll @LongRange(min = 1, max = 1_000) long delta) {
        String sealed = StatementSeal.hash(statement(amount, amount * 2, 1, null));
        assertThat(StatementSeal.hash(statement(amount + delta, amount * 2, 1, null))).isNotEqualTo(sealed);
        assertThat(StatementSeal.hash(statement(amount, amount * 2 + delta, 1, null))).isNotEqualTo(sealed);
        assertThat(StatementSeal.hash(statement(amount, amount * 2, 1, null))).isEqualTo(sealed);
    }

    @Property
    void aChainLinkNamesItsPredecessorsHashSoRewritingHistoryBreaksEveryLaterLink(
            @ForAll @IntRange(min = 2, max = 20) int length, @ForAll @IntRange(min = 0, max = 19) int edited,
            @ForAll @LongRange(min = 1, max = 1_000_000) long amount) {
        int at = edited % (length - 1);
        String previous = null;
        String[] honest = new String[length];
        for (int i = 0; i < length; i++) {
            honest[i] = StatementSeal.hash(statement(amount + i, amount, i + 1, previous));
            previous = honest[i];
        }
        previous = null;
        for (int i = 0; i < length; i++) {
            String hash = StatementSeal.hash(statement(amount + i + (i == at ? 1 : 0), amount, i + 1, previous));
            if (i >= at) {
                assertThat(hash).isNotEqualTo(honest[i]);
            } else {
                assertThat(hash).isEqualTo(honest[i]);
            }
            previous = hash;
        }
    }
}
