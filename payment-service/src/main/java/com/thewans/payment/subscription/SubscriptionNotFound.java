package com.thewans.payment.subscription;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No such subscription, or another viewer's. */
class SubscriptionNotFound extends WansException {

    SubscriptionNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "subscription-not-found", "There is no subscription " + id);
        with("subscriptionId", id);
    }
}
