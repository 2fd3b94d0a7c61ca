package com.thewans.rights.entitlement;

import java.util.Objects;
import java.util.UUID;

/** payment.refunded data, rights' own small view of it: which payment's grant to revoke. */
record PaymentRefunded(UUID transactionId) {

    PaymentRefunded {
        Objects.requireNonNull(transactionId, "payment.refunded lacks transactionId");
    }
}
