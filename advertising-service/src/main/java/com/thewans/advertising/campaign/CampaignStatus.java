package com.thewans.advertising.campaign;

/** A campaign's life: drafted, running, paused, ended (flight over or stopped), or out of its total budget. */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, ENDED, OUT_OF_BUDGET
}
