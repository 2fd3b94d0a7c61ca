package com.thewans.royalty.statement;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A draft (its period is open) has no seal to verify yet. */
public class StatementNotIssued extends WansException {

    StatementNotIssued(UUID id) {
        super(HttpStatus.CONFLICT, "statement-not-issued",
                "Statement " + id + " is a draft of an open period: it is sealed when the period closes");
        with("statementId", id);
    }
}
