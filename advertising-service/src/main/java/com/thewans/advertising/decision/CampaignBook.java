package com.thewans.advertising.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.thewans.advertising.campaign.Campaign;
import com.thewans.advertising.campaign.Campaigns;
import com.thewans.advertising.campaign.Creative;
import com.thewans.advertising.tracking.AdCounts;

/**
 * The campaigns that may serve, their READY creatives and their persisted spend, held in memory and
 * re-read every few seconds (ADS_CAMPAIGN_REFRESH). A decision then costs no database query, only the
 * Redis budget check; a change by an admin reaches serving within one refresh.
 */
@Component
public class CampaignBook {

    private static final Logger log = LoggerFactory.getLogger(CampaignBook.class);

    /** A campaign able to serve, highest priority first in the book. */
    public record Entry(Campaign campaign, List<Creative> creatives, long spentMilli, long spentTodayMilli) {
    }

    private final Campaigns campaigns;
    private final AdCounts counts;
    private final Clock clock;
    private volatile List<Entry> entries;
    private volatile Instant readAt = Instant.EPOCH;

    CampaignBook(Campaigns campaigns, AdCounts counts, Clock clock) {
        this.campaigns = campaigns;
        this.counts = counts;
        this.clock = clock;
    }

    List<Entry> entries() {
        List<Entry> current = entries;
        if (current == null) {
            current = refresh();
        }
        return current;
    }

    @Scheduled(fixedDelayString = "${wans.ads.campaign-refresh:5s}")
    public void onSchedule() {
        try {
            campaigns.endFlown(clock.instant());
            refresh();
        } catch (RuntimeException e) {
            log.warn("Re-reading campaigns failed; serving from the last copy: {}", e.getMessage());
        }
    }

    public synchronized List<Entry> refresh() {
        Instant now = clock.instant();
        List<Campaign> serving = campaigns.serving(now);
        List<UUID> ids = serving.stream().map(Campaign::id).toList();
        Map<UUID, List<Creative>> creatives = campaigns.readyCreatives(ids).stream()
                .collect(Collectors.groupingBy(Creative::campaignId));
        Map<UUID, AdCounts.Spend> spend = counts.servedSpend(ids, now.truncatedTo(ChronoUnit.DAYS));
        List<Entry> fresh = new ArrayList<>();
        for (Campaign c : serving) {
            List<Creative> ready = creatives.getOrDefault(c.id(), List.of());
            if (!ready.isEmpty()) {
                AdCounts.Spend s = spend.getOrDefault(c.id(), new AdCounts.Spend(0, 0));
                fresh.add(new Entry(c, ready, s.total(), s.today()));
            }
        }
        fresh.sort(Comparator.comparingInt((Entry e) -> -e.campaign().priority()));
        entries = List.copyOf(fresh);
        readAt = now;
        return entries;
    }

    Instant readAt() {
        return readAt;
    }
}
