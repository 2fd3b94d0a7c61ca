package com.thewans.royalty;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * royalty-service's own settings ({@code wans.royalty.*} in application.yml).
 *
 * @param platformPartyId   the party id of THE WANS itself in agreements (ROYALTY_PLATFORM_PARTY_ID)
 * @param monthlyEnabled    whether this instance closes last month and runs payouts on schedule
 *                          (ROYALTY_MONTHLY_ENABLED); every instance may, a lock makes it happen once
 * @param monthlyCron       when (ROYALTY_MONTHLY_CRON, 02:00 UTC on the 1st)
 * @param payoutThresholds  the least balance paid out per currency, in minor units
 *                          (ROYALTY_PAYOUT_THRESHOLD_PGK 5000 = K 50, ROYALTY_PAYOUT_THRESHOLD_USD 2000)
 * @param payoutPrefix      where bank transfer batch files are written in the masters bucket
 * @param payerAccount      the platform's own account a bank batch debits (ROYALTY_PAYER_ACCOUNT)
 */
@ConfigurationProperties("wans.royalty")
public record RoyaltySettings(UUID platformPartyId, boolean monthlyEnabled, String monthlyCron,
        Map<String, Long> payoutThresholds, String payoutPrefix, String payerAccount) {

    public RoyaltySettings {
        platformPartyId = platformPartyId == null ? UUID.fromString("00000000-0000-0000-0000-00000000a11a")
                : platformPartyId;
        monthlyCron = monthlyCron == null || monthlyCron.isBlank() ? "0 0 2 1 * *" : monthlyCron;
        payoutThresholds = payoutThresholds == null || payoutThresholds.isEmpty()
                ? Map.of("PGK", 5000L, "USD", 2000L) : Map.copyOf(payoutThresholds);
        payoutPrefix = payoutPrefix == null || payoutPrefix.isBlank() ? "royalty/payouts" : payoutPrefix;
        payerAccount = payerAccount == null || payerAccount.isBlank() ? "1000000001" : payerAccount;
    }

    public long thresholdFor(String currency) {
        return payoutThresholds.getOrDefault(currency, Long.MAX_VALUE);
    }
}
