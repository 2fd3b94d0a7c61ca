package com.thewans.royalty.statement;

import java.time.Instant;
import java.util.UUID;

/**
 * Anchoring a party's chain head on a public blockchain, so even the platform could not rewrite
 * its own history unseen. The issue makes anchoring optional and asks for the interface only: a
 * real anchor needs a funded account on a public chain, and a fake one would prove nothing, so the
 * service ships none and the hash chain ({@code /verify}) is the check it offers. An
 * implementation would write {@code headHash} (the newest issued statement's hash) in one
 * transaction (for example an Ethereum transaction's data, or an OpenTimestamps proof of it) after
 * each period closes, and return where it can be checked; verification then compares the chain
 * head at {@code anchoredAt} with the anchored hash.
 */
public interface ChainAnchor {

    /** Where and when one chain head was anchored. */
    record Anchor(UUID partyId, String headHash, String network, String transactionRef, Instant anchoredAt) {
    }

    Anchor anchor(UUID partyId, String headHash);
}
