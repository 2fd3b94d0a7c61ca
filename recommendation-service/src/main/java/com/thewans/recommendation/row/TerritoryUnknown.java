package com.thewans.recommendation.row;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 422: neither the edge nor the profile says where the viewer is, and what is watchable depends on it. */
class TerritoryUnknown extends WansException {

    TerritoryUnknown() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "territory-unknown",
                "We cannot tell which country you are in; set your country in your profile and try again");
    }
}
