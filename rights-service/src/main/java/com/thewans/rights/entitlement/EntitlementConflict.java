package com.thewans.rights.entitlement;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The entitlement is in a state that does not allow the operation (revoked, rental run out). */
class EntitlementConflict extends WansException {

    EntitlementConflict(UUID id, String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
        with("entitlementId", id);
    }
}
