package com.thewans.payment.subscription;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The subscription has ended; there is nothing left to cancel or resume. */
class SubscriptionEnded extends WansException {

    SubscriptionEnded(UUID id) {
        super(HttpStatus.CONFLICT, "subscription-ended", "The subscription " + id + " has ended");
        with("subscriptionId", id);
    }
}
