package com.thewans.payment.purchase;

/**
 * A provider's message names a payment we have no record of (yet). Thrown from an event handler,
 * it leaves the stored message to be tried again and, if it never matches, dead-lettered where
 * admins see it: never dropped.
 */
class UnknownPayment extends IllegalStateException {

    UnknownPayment(Transaction.Provider provider, String providerRef) {
        super("No transaction for " + provider + " payment " + providerRef);
    }
}
