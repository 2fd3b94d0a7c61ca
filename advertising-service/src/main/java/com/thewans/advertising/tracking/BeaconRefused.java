package com.thewans.advertising.tracking;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * A beacon that counts nothing: forged, altered, for another event, expired, or not a beacon at all.
 * One wording for every case, so the answer teaches a forger nothing.
 */
class BeaconRefused extends WansException {

    BeaconRefused() {
        super(HttpStatus.BAD_REQUEST, "beacon-refused", "This tracking request is not valid");
    }
}
