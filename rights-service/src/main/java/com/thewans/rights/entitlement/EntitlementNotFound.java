package com.thewans.rights.entitlement;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

class EntitlementNotFound extends WansException {

    EntitlementNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "entitlement-not-found", "There is no entitlement " + id);
        with("entitlementId", id);
    }
}
