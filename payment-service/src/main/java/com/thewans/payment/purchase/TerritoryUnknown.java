package com.thewans.payment.purchase;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Neither the edge nor the viewer's profile says where they are, so no offer can be priced. */
class TerritoryUnknown extends WansException {

    TerritoryUnknown() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "territory-unknown",
                "We cannot tell which country you are in; set your country in your profile and try again");
    }
}
