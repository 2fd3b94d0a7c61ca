package com.thewans.playback.session;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 451: the film is not offered in the viewer's territory at all. */
class NotAvailableHere extends WansException {

    NotAvailableHere(String territory, List<AccessCheck.Reason> reasons) {
        super(HttpStatus.UNAVAILABLE_FOR_LEGAL_REASONS, "not-available-in-territory",
                "This film is not available in " + territory);
        with("territory", territory);
        with("reasons", reasons);
    }
}
