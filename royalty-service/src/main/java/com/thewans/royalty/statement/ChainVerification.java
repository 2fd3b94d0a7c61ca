package com.thewans.royalty.statement;

import java.util.UUID;

/**
 * The answer of a chain check: {@code valid} when every statement of the party up to this one
 * hashes to what is stored and names its predecessor's hash; otherwise {@code brokenAt} is the first
 * statement that does not, and {@code reason} says how.
 */
public record ChainVerification(UUID statementId, UUID partyId, boolean valid, long checked, String hash,
        UUID brokenAt, String reason) {
}
