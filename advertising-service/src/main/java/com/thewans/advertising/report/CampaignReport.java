package com.thewans.advertising.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A campaign's report over a span of (UTC) days, with totals. */
record CampaignReport(UUID campaignId, LocalDate from, LocalDate to, String currency, long impressions, long clicks,
        double ctr, long completes, double completionRate, long spend, List<ReportRow> days) {
}
