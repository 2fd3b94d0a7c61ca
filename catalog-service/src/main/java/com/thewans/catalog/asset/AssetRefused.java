package com.thewans.catalog.asset;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** An upload that cannot become film artwork: missing, of the wrong type, or too large. */
class AssetRefused extends WansException {

    AssetRefused(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
