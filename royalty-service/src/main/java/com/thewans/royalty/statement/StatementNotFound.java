package com.thewans.royalty.statement;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

public class StatementNotFound extends WansException {

    StatementNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "statement-not-found", "There is no royalty statement " + id);
        with("statementId", id);
    }
}
