package com.thewans.payment.subscription;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The viewer has a live subscription already: a second would charge twice for the same films. */
class AlreadySubscribed extends WansException {

    AlreadySubscribed(UUID subscriptionId) {
        super(HttpStatus.CONFLICT, "already-subscribed",
                "You have a subscription already; change or cancel that one instead");
        with("subscriptionId", subscriptionId);
    }
}
