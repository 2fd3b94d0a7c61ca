package com.thewans.royalty.payout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.royalty.RoyaltySettings;

/**
 * Payouts as a bulk-payment CSV file of the kind PNG banks' business banking imports (one header
 * record, one detail record per payee), written to the private masters bucket under
 * {@code wans.royalty.payout-prefix}; treasury uploads it to the bank. The format, documented in
 * royalty-service's README:
 * <pre>
 * H,&lt;debit account&gt;,&lt;value date yyyyMMdd&gt;,&lt;number of payments&gt;,&lt;total, 2 decimals&gt;,&lt;currency&gt;
 * D,&lt;bank code (BSB)&gt;,&lt;account number&gt;,&lt;account name, max 32&gt;,&lt;amount, 2 decimals&gt;,&lt;reference (payout id)&gt;
 * </pre>
 * One file per currency. Confirm the exact layout with the platform's bank before going live.
 */
@Component
class BankTransferBatch implements PayoutProvider {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final ObjectStorage storage;
    private final RoyaltySettings settings;
    private final Clock clock;

    BankTransferBatch(ObjectStorage storage, RoyaltySettings settings, Clock clock) {
        this.storage = storage;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String method() {
        return "BANK_TRANSFER";
    }

    @Override
    public Handover send(List<Order> orders) {
        String currency = orders.get(0).currency();
        String day = DAY.format(clock.instant());
        long total = orders.stream().mapToLong(Order::amount).sum();
        StringBuilder file = new StringBuilder();
        file.append("H,").append(settings.payerAccount()).append(',').append(day).append(',').append(orders.size())
                .append(',').append(decimal(total)).append(',').append(currency).append("\r\n");
        for (Order o : orders) {
            if (!o.currency().equals(currency)) {
                throw new IllegalArgumentException("one batch file holds one currency");
            }
            file.append("D,").append(field(o.bankCode())).append(',').append(field(o.accountNumber())).append(',')
                    .append(field(o.accountName().length() > 32 ? o.accountName().substring(0, 32) : o.accountName()))
                    .append(',').append(decimal(o.amount())).append(',').append(o.payoutId()).append("\r\n");
        }
        String key = settings.payoutPrefix() + "/" + day + "/" + currency + "-" + UUID.randomUUID() + ".csv";
        storage.put(storage.buckets().masters(), key, file.toString().getBytes(StandardCharsets.US_ASCII), "text/csv");
        return new Handover(key, orders.size());
    }

    static String decimal(long minor) {
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }

    /** Banks' CSV importers take no quoting: commas and line breaks are replaced, not escaped. */
    private static String field(String value) {
        return value.replaceAll("[,\\r\\n\"]", " ").strip();
    }
}
