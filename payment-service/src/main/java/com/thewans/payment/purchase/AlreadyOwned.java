package com.thewans.payment.purchase;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The viewer already owns this film that way: buying it again would be charging twice for one thing. */
class AlreadyOwned extends WansException {

    AlreadyOwned(UUID filmId, Transaction.Kind kind) {
        super(HttpStatus.CONFLICT, "already-owned", "You already own this film as " + kind);
        with("filmId", filmId);
        with("kind", kind);
    }
}
