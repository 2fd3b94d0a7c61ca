package com.thewans.royalty.statement;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A creator asking for another party's statements or earnings. */
public class NotYourStatements extends WansException {

    public NotYourStatements() {
        super(HttpStatus.FORBIDDEN, "forbidden", "A creator sees only their own royalty statements");
    }
}
