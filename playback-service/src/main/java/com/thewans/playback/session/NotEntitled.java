package com.thewans.playback.session;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 403: the viewer holds nothing that lets them watch this film here now; the offers say what would. */
class NotEntitled extends WansException {

    NotEntitled(List<AccessCheck.Reason> reasons, List<RightsOffice.Offer> offers) {
        super(HttpStatus.FORBIDDEN, "not-entitled", reasons.isEmpty() ? "You may not watch this film now"
                : reasons.get(0).detail());
        with("reasons", reasons);
        with("offers", offers);
    }
}
