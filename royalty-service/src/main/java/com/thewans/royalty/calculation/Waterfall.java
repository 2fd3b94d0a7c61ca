package com.thewans.royalty.calculation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.thewans.royalty.agreement.AgreementTerms;
import com.thewans.royalty.agreement.PartyRole;
import com.thewans.royalty.agreement.RevenueKind;
import com.thewans.royalty.statement.StatementLine;

/**
 * One film's revenue in one currency for one period, run down its agreement's waterfall, revenue
 * kind by kind in a fixed order (TRANSACTIONAL, SVOD, AVOD): each FEE takes its basis points of
 * what reaches it, each RECOUP takes what reaches it up to what its party has yet to recoup (what
 * it recouped in earlier periods is carried in), and the shares of the kind split the rest. Every
 * split is {@link Allocation}'s, so the parties' amounts add up to the revenue exactly. A negative
 * net (refunds over sales, an adjustment) goes through the fees and shares as a negative amount and
 * recoups nothing back.
 */
public final class Waterfall {

    private Waterfall() {
    }

    /** What one party earns from the film in the period. */
    public record Take(UUID partyId, PartyRole role, long amount, long recouped, List<StatementLine> lines) {
    }

    /**
     * @param recoupedBefore per party, what it has recouped from this film in this currency in closed
     *                       periods; not changed
     */
    public static List<Take> apply(AgreementTerms terms, String currency, Map<RevenueKind, Long> revenueByKind,
            Map<UUID, Long> recoupedBefore) {
        Map<UUID, Builder> takes = new LinkedHashMap<>();
        Map<UUID, Long> recouped = new LinkedHashMap<>(recoupedBefore);
        for (RevenueKind kind : RevenueKind.values()) {
            long revenue = revenueByKind.getOrDefault(kind, 0L);
            if (revenue == 0) {
                continue;
            }
            long left = revenue;
            for (AgreementTerms.Step step : terms.steps()) {
                Builder party = takes.computeIfAbsent(step.partyId(), id -> new Builder(id, step.role()));
                switch (step.step()) {
                    case FEE -> {
                        long fee = Allocation.basisPoints(left, step.bps());
                        party.add(kind, "FEE", left, fee, 0);
                        left -= fee;
                    }
                    case RECOUP -> {
                        if (left <= 0 || !currency.equals(step.currency())) {
                            continue;
                        }
                        long already = recouped.getOrDefault(step.partyId(), 0L);
                        long take = Math.max(0, Math.min(left, step.amount() - already));
                        if (take > 0) {
                            party.add(kind, "RECOUP", left, take, take);
                            recouped.put(step.partyId(), already + take);
                            left -= take;
                        }
                    }
                }
            }
            if (left == 0) {
                continue;
            }
            List<AgreementTerms.Share> shares = terms.sharesFor(kind);
            long[] weights = new long[shares.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = shares.get(i).bps();
            }
            long[] parts = Allocation.split(left, weights);
            for (int i = 0; i < parts.length; i++) {
                AgreementTerms.Share share = shares.get(i);
                takes.computeIfAbsent(share.partyId(), id -> new Builder(id, share.role()))
                        .add(kind, "SHARE", left, parts[i], 0);
            }
        }
        List<Take> result = new ArrayList<>(takes.size());
        takes.values().forEach(b -> result.add(new Take(b.partyId, b.role, b.amount, b.recouped, List.copyOf(b.lines))));
        return result;
    }

    private static final class Builder {
        final UUID partyId;
        final PartyRole role;
        long amount;
        long recouped;
        final List<StatementLine> lines = new ArrayList<>();

        Builder(UUID partyId, PartyRole role) {
            this.partyId = partyId;
            this.role = role;
        }

        void add(RevenueKind kind, String step, long base, long part, long recoup) {
            lines.add(new StatementLine(kind.name(), step, base, part));
            amount += part;
            recouped += recoup;
        }
    }
}
