package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** An ended campaign is history: its reports must keep meaning what they meant. */
class CampaignNotEditable extends WansException {

    CampaignNotEditable(UUID id, CampaignStatus status) {
        super(HttpStatus.CONFLICT, "campaign-not-editable", "Campaign " + id + " is " + status
                + " and can no longer change");
        with("campaignId", id).with("campaignStatus", status.name());
    }
}
