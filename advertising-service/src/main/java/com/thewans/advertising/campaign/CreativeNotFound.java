package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

class CreativeNotFound extends WansException {

    CreativeNotFound(UUID campaignId, UUID id) {
        super(HttpStatus.NOT_FOUND, "creative-not-found", "Campaign " + campaignId + " has no creative " + id);
        with("creativeId", id);
    }
}
