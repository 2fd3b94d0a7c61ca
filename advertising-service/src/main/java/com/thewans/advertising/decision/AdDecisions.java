package com.thewans.advertising.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import com.thewans.advertising.AdSettings;
import com.thewans.advertising.campaign.Campaign;
import com.thewans.advertising.campaign.Campaigns;
import com.thewans.advertising.campaign.Creative;
import com.thewans.advertising.film.AdFilm;
import com.thewans.advertising.tracking.PendingCounts;
import com.thewans.advertising.tracking.ServedAd;

/**
 * Chooses the ads of one break (a pod): the campaigns whose flight, targeting and dayparts admit this
 * viewer and film, highest priority first (campaigns of one priority in random order, so they share
 * the traffic), each charged in Redis by {@link BudgetGuard} (caps, pacing, budget), at most one ad
 * per advertiser in the pod. Redis unreachable means no ads, never an error: playback must not break
 * because of advertising.
 */
@Service
class AdDecisions {

    private static final Logger log = LoggerFactory.getLogger(AdDecisions.class);

    /** One chosen ad and what VAST needs to show it. */
    record Chosen(ServedAd served, Campaign campaign, Creative creative, int sequence) {
    }

    private final CampaignBook book;
    private final BudgetGuard guard;
    private final Campaigns campaigns;
    private final AdSettings settings;
    private final Clock clock;
    private volatile Instant lastRedisWarning = Instant.EPOCH;

    AdDecisions(CampaignBook book, BudgetGuard guard, Campaigns campaigns, AdSettings settings, Clock clock) {
        this.book = book;
        this.guard = guard;
        this.campaigns = campaigns;
        this.settings = settings;
        this.clock = clock;
    }

    List<Chosen> pod(ViewerContext viewer, AdFilm film) {
        if (viewer.territory() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        LocalTime local = LocalTime.ofInstant(now, viewer.zone());
        List<CampaignBook.Entry> eligible = new ArrayList<>();
        for (CampaignBook.Entry e : book.entries()) {
            if (e.campaign().flying(now) && e.campaign().targeting().admits(viewer.territory(), film.genres(),
                    film.maturityRating(), film.languages(), viewer.device(), local)) {
                eligible.add(e);
            }
        }
        shuffleWithinPriority(eligible);
        List<Chosen> pod = new ArrayList<>();
        Set<String> advertisers = new HashSet<>();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        try {
            for (CampaignBook.Entry e : eligible) {
                if (pod.size() >= settings.podSize()) {
                    break;
                }
                Campaign c = e.campaign();
                // one advertiser appears once per break: a pod of one brand twice is wasted on the viewer
                if (advertisers.contains(advertiserKey(c))) {
                    continue;
                }
                Creative creative = e.creatives().get(ThreadLocalRandom.current().nextInt(e.creatives().size()));
                ServedAd served = new ServedAd(UUID.randomUUID(), c.id(), creative.id(), film.filmId(),
                        viewer.territory(), c.currency().name(), c.cpm(), now.plus(settings.beaconTtl()));
                BudgetGuard.Verdict verdict = guard.reserve(e, viewer.viewerId(), now,
                        PendingCounts.field(served, hour, "served"));
                if (verdict == BudgetGuard.Verdict.SERVED) {
                    advertisers.add(advertiserKey(c));
                    pod.add(new Chosen(served, c, creative, pod.size() + 1));
                } else if (verdict == BudgetGuard.Verdict.OUT_OF_BUDGET) {
                    markOutOfBudget(c, now);
                }
            }
        } catch (DataAccessException e) {
            warnRedis(now, e);
            // ads already charged stay charged (at most the pod so far): serving them is honest
        }
        return pod;
    }

    private void markOutOfBudget(Campaign c, Instant now) {
        try {
            if (campaigns.outOfBudget(c.id(), now)) {
                log.info("Campaign {} has spent its total budget", c.id());
                book.refresh();
            }
        } catch (RuntimeException e) {
            log.warn("Could not mark campaign {} out of budget (Redis keeps refusing it): {}", c.id(), e.getMessage());
        }
    }

    private void warnRedis(Instant now, DataAccessException e) {
        if (now.isAfter(lastRedisWarning.plusSeconds(60))) {
            lastRedisWarning = now;
            log.warn("Serving no ads: the budget store (Redis) is unreachable: {}", e.getMessage());
        }
    }

    private static String advertiserKey(Campaign c) {
        return c.advertiser().strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Keeps the book's priority order (highest first) and shuffles the campaigns of each priority. */
    private static void shuffleWithinPriority(List<CampaignBook.Entry> entries) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int start = 0;
        while (start < entries.size()) {
            int end = start;
            int priority = entries.get(start).campaign().priority();
            while (end < entries.size() && entries.get(end).campaign().priority() == priority) {
                end++;
            }
            for (int i = end - 1; i > start; i--) {
                int j = start + random.nextInt(i - start + 1);
                var swap = entries.get(i);
                entries.set(i, entries.get(j));
                entries.set(j, swap);
            }
            start = end;
        }
    }
}
