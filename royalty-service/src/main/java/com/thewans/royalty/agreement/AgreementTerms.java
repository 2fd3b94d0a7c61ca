package com.thewans.royalty.agreement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resolved terms of one agreement version, as stored (jsonb) and as the calculation reads them:
 * the waterfall steps in order, then the shares that split what is left, per revenue kind
 * ({@code DEFAULT} for kinds without their own). Every list of shares sums to 10 000 basis points.
 */
public record AgreementTerms(List<Step> steps, Map<String, List<Share>> shares) {

    public static final String DEFAULT = "DEFAULT";

    public AgreementTerms {
        steps = steps == null ? List.of() : List.copyOf(steps);
        shares = Map.copyOf(shares);
    }

    /** The shares for {@code kind}, or the default ones. */
    public List<Share> sharesFor(RevenueKind kind) {
        List<Share> own = shares.get(kind.name());
        return own != null ? own : shares.get(DEFAULT);
    }

    public record Share(UUID partyId, PartyRole role, int bps) {
    }

    /**
     * FEE: the party takes {@code bps} of what reaches this step, off the top. RECOUP: the party
     * takes what reaches this step up to {@code amount} in {@code currency} over the agreement's
     * life (what it has recouped in closed periods is carried); revenue in other currencies passes.
     */
    public record Step(StepKind step, UUID partyId, PartyRole role, Integer bps, Long amount, String currency) {
    }

    public enum StepKind {
        FEE, RECOUP
    }
}
