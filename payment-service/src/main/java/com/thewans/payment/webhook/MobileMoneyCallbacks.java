package com.thewans.payment.webhook;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.payment.purchase.MobileMoneyReconciliation;
import com.thewans.payment.purchase.Transaction;

import tools.jackson.databind.json.JsonMapper;

/**
 * Acts on stored mobile-money callbacks without believing them: a callback's status is what the
 * wallet's listener was told, possibly replayed or out of date, so the payment it names is polled
 * at its wallet and settled by that answer (the one path every mobile-money outcome takes).
 */
@Component
class MobileMoneyCallbacks implements ProviderMessageHandler {

    static final String PROVIDER = Transaction.Provider.MOBILE_MONEY.name();
    /** A kept callback's type. */
    static final String CALLBACK = "requesttopay.callback";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MobileMoneyReconciliation reconciliation;

    MobileMoneyCallbacks(MobileMoneyReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String handle(ProviderMessages.Stored stored) {
        // the controller stored only callbacks whose externalId is one of our transaction ids
        UUID transactionId = UUID.fromString(JSON.readTree(stored.payload()).path("externalId").asString());
        return reconciliation.reconcile(transactionId);
    }
}
