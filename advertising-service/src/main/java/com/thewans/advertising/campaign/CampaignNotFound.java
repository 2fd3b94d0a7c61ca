package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

class CampaignNotFound extends WansException {

    CampaignNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "campaign-not-found", "There is no campaign " + id);
        with("campaignId", id);
    }
}
