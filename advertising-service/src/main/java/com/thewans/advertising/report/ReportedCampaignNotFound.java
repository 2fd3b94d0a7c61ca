package com.thewans.advertising.report;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A report of a campaign that does not exist (the same problem code as the campaign's own 404). */
class ReportedCampaignNotFound extends WansException {

    ReportedCampaignNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "campaign-not-found", "There is no campaign " + id);
        with("campaignId", id);
    }
}
