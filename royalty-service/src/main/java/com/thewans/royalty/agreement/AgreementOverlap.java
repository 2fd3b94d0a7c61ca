package com.thewans.royalty.agreement;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The new version's months overlap a version that does not end before it and is not open-ended. */
public class AgreementOverlap extends WansException {

    AgreementOverlap(UUID filmId, List<UUID> conflicting) {
        super(HttpStatus.CONFLICT, "agreement-overlap",
                "The film's agreement already has a version in force in some of those months");
        with("filmId", filmId);
        with("conflictingAgreementIds", conflicting);
    }
}
