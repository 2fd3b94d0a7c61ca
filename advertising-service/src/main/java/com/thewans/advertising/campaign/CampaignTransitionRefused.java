package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The campaign is not in a state that allows this (activating an ended one, pausing a draft...). */
class CampaignTransitionRefused extends WansException {

    CampaignTransitionRefused(UUID id, String transition, CampaignStatus status, String why) {
        super(HttpStatus.CONFLICT, "campaign-transition-refused", "Campaign " + id + " cannot " + transition + ": "
                + why);
        with("campaignId", id).with("campaignStatus", status.name());
    }
}
