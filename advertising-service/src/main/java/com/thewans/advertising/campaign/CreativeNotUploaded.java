package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Confirmed before the file arrived in storage (or after it was refused). */
class CreativeNotUploaded extends WansException {

    CreativeNotUploaded(UUID creativeId, String why) {
        super(HttpStatus.CONFLICT, "creative-not-uploaded", why);
        with("creativeId", creativeId);
    }
}
