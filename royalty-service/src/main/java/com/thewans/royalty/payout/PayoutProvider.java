package com.thewans.royalty.payout;

import java.util.List;
import java.util.UUID;

/**
 * How money leaves the platform for a party. One implementation today: a bank transfer batch file
 * ({@link BankTransferBatch}); a mobile-money disbursement provider would implement the same and
 * answer per order instead of per batch.
 */
public interface PayoutProvider {

    /** One payout to make: {@code reference} is the payout id, which the bank echoes on its returns. */
    record Order(UUID payoutId, UUID partyId, String currency, long amount, String accountName, String bankCode,
            String accountNumber) {
    }

    /** Where the orders went (the batch file's key), for the audit record and the bank's returns. */
    record Handover(String batchKey, int orders) {
    }

    String method();

    Handover send(List<Order> orders);
}
