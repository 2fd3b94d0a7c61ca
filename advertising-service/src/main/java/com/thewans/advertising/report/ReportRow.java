package com.thewans.advertising.report;

import java.time.LocalDate;

/**
 * One day of a campaign in one territory. CTR is clicks per impression, completion rate completes
 * per impression (both 0 without impressions); spend is the billed impressions at the campaign's CPM,
 * in minor units of its currency, rounded down.
 */
record ReportRow(LocalDate day, String territory, long served, long impressions, long clicks, double ctr,
        long completes, double completionRate, long spend, String currency) {
}
