package com.thewans.royalty.agreement;

import java.time.Instant;
import java.util.UUID;

/** One version of a film's agreement. */
record AgreementView(UUID id, UUID filmId, int version, String effectiveFrom, String effectiveTo,
        AgreementTerms terms, Instant createdAt, String createdBy) {
}
