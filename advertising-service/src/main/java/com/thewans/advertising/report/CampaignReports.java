package com.thewans.advertising.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.thewans.advertising.campaign.Campaign;
import com.thewans.advertising.campaign.Campaigns;
import com.thewans.common.problem.InvalidField;

/** Campaign reports from the flushed counts: per day and territory, and as CSV for spreadsheets. */
@Service
class CampaignReports {

    static final int MAX_DAYS = 366;

    private final Campaigns campaigns;
    private final JdbcTemplate jdbc;

    CampaignReports(Campaigns campaigns, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    CampaignReport report(UUID campaignId, LocalDate from, LocalDate to) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new ReportedCampaignNotFound(campaignId));
        LocalDate first = from != null ? from : LocalDate.ofInstant(campaign.startsAt(), ZoneOffset.UTC);
        LocalDate last = to != null ? to : LocalDate.ofInstant(campaign.endsAt(), ZoneOffset.UTC);
        if (last.isBefore(first)) {
            throw new InvalidField("to", "must not be before from");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new InvalidField("to", "a report covers at most " + MAX_DAYS + " days");
        }
        String currency = campaign.currency().name();
        List<ReportRow> rows = jdbc.query("""
                select (hour_start at time zone 'UTC')::date as day, territory, sum(served), sum(impressions),
                       sum(clicks), sum(completes), sum(impressions * cpm) / 1000
                from ad_impressions
                where campaign_id = ? and hour_start >= ? and hour_start < ?
                group by 1, 2 order by 1, 2""",
                (rs, i) -> {
                    long impressions = rs.getLong(4);
                    long clicks = rs.getLong(5);
                    long completes = rs.getLong(6);
                    return new ReportRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                            impressions, clicks, ratio(clicks, impressions), completes, ratio(completes, impressions),
                            rs.getLong(7), currency);
                },
                campaignId, Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        long impressions = rows.stream().mapToLong(ReportRow::impressions).sum();
        long clicks = rows.stream().mapToLong(ReportRow::clicks).sum();
        long completes = rows.stream().mapToLong(ReportRow::completes).sum();
        long spend = rows.stream().mapToLong(ReportRow::spend).sum();
        return new CampaignReport(campaignId, first, last, currency, impressions, clicks, ratio(clicks, impressions),
                completes, ratio(completes, impressions), spend, rows);
    }

    /** The same report as CSV (RFC 4180), one line per day and territory. */
    String csv(CampaignReport report) {
        StringBuilder csv = new StringBuilder(
                "day,territory,served,impressions,clicks,ctr,completes,completion_rate,spend,currency\r\n");
        for (ReportRow r : report.days()) {
            csv.append(r.day()).append(',').append(r.territory()).append(',').append(r.served()).append(',')
                    .append(r.impressions()).append(',').append(r.clicks()).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", r.ctr())).append(',').append(r.completes()).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", r.completionRate())).append(',').append(r.spend())
                    .append(',').append(r.currency()).append("\r\n");
        }
        return csv.toString();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
