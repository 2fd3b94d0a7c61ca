package com.thewans.advertising.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.StaleUpdate;
import com.thewans.common.web.EntityTags;
import com.thewans.common.web.PageOf;

/** Campaign management (admins only, every change audited). */
@Service
class CampaignService {

    static final int DEFAULT_PRIORITY = 5;

    private final Campaigns campaigns;
    private final TargetingRules targetingRules;
    private final AuditLog audit;
    private final Clock clock;

    CampaignService(Campaigns campaigns, TargetingRules targetingRules, AuditLog audit, Clock clock) {
        this.campaigns = campaigns;
        this.targetingRules = targetingRules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    CampaignView create(CreateCampaignRequest r) {
        int priority = r.priority() == null ? DEFAULT_PRIORITY : r.priority();
        CampaignTerms.check(r.startsAt(), r.endsAt(), r.totalBudget(), r.dailyBudget(), r.cpm(), priority,
                r.frequencyCap());
        Targeting targeting = targetingRules.of(r.targeting());
        Instant now = clock.instant();
        Campaign campaign = new Campaign(UUID.randomUUID(), r.advertiser().strip(), r.name().strip(),
                CampaignStatus.DRAFT, r.startsAt(), r.endsAt(), r.currency(), r.totalBudget(), r.dailyBudget(), r.cpm(),
                priority, targeting, r.frequencyCap(), 0, now, now);
        campaigns.insert(campaign);
        audit.record("ad.campaign.created", target(campaign.id()), terms(campaign));
        return view(campaign.id());
    }

    @Transactional
    CampaignView update(UUID id, EntityTags.IfMatch ifMatch, UpdateCampaignRequest r) {
        Campaign c = found(id);
        ifMatch.check(c.version());
        if (c.status() == CampaignStatus.ENDED) {
            throw new CampaignNotEditable(id, c.status());
        }
        Campaign changed = new Campaign(c.id(), c.advertiser(), r.name() == null ? c.name() : r.name().strip(),
                c.status(), c.startsAt(), r.endsAt() == null ? c.endsAt() : r.endsAt(), c.currency(),
                r.totalBudget() == null ? c.totalBudget() : r.totalBudget(),
                r.dailyBudget() == null ? c.dailyBudget() : r.dailyBudget(), r.cpm() == null ? c.cpm() : r.cpm(),
                r.priority() == null ? c.priority() : r.priority(),
                r.targeting() == null ? c.targeting() : targetingRules.of(r.targeting()),
                r.frequencyCap() == null ? c.frequencyCap() : r.frequencyCap(), c.version(), c.createdAt(),
                clock.instant());
        CampaignTerms.check(changed.startsAt(), changed.endsAt(), changed.totalBudget(), changed.dailyBudget(),
                changed.cpm(), changed.priority(), changed.frequencyCap());
        if (!campaigns.update(changed, c.version())) {
            throw new StaleUpdate(campaigns.find(id).map(Campaign::version).orElse(c.version()));
        }
        audit.record("ad.campaign.updated", target(id), terms(changed));
        return view(id);
    }

    @Transactional
    CampaignView activate(UUID id) {
        Campaign c = found(id);
        Instant now = clock.instant();
        if (!campaigns.activate(id, now)) {
            String why = c.status() == CampaignStatus.ACTIVE ? "it is already active"
                    : c.status() != CampaignStatus.DRAFT && c.status() != CampaignStatus.PAUSED
                            ? "it is " + c.status()
                            : !c.endsAt().isAfter(now) ? "its flight is over"
                                    : "it has no confirmed (READY) creative";
            throw new CampaignTransitionRefused(id, "be activated", c.status(), why);
        }
        audit.record("ad.campaign.activated", target(id), Map.of());
        return view(id);
    }

    @Transactional
    CampaignView pause(UUID id) {
        Campaign c = found(id);
        if (!campaigns.pause(id, clock.instant())) {
            throw new CampaignTransitionRefused(id, "be paused", c.status(), "only an active campaign pauses");
        }
        audit.record("ad.campaign.paused", target(id), Map.of());
        return view(id);
    }

    @Transactional
    CampaignView end(UUID id) {
        Campaign c = found(id);
        if (!campaigns.end(id, clock.instant())) {
            throw new CampaignTransitionRefused(id, "end", c.status(), "it has ended already");
        }
        audit.record("ad.campaign.ended", target(id), Map.of());
        return view(id);
    }

    CampaignView view(UUID id) {
        return CampaignView.of(found(id), campaigns.creatives(id));
    }

    PageOf<CampaignView> page(CampaignStatus status, int page, int size) {
        List<CampaignView> items = campaigns.page(status, page, size).stream()
                .map(c -> CampaignView.of(c, campaigns.creatives(c.id()))).toList();
        return PageOf.of(items, page, size, campaigns.count(status));
    }

    Campaign found(UUID id) {
        return campaigns.find(id).orElseThrow(() -> new CampaignNotFound(id));
    }

    static String target(UUID id) {
        return "ad-campaign:" + id;
    }

    private static Map<String, Object> terms(Campaign c) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("advertiser", c.advertiser());
        terms.put("name", c.name());
        terms.put("currency", c.currency().name());
        terms.put("totalBudget", c.totalBudget());
        terms.put("dailyBudget", c.dailyBudget());
        terms.put("cpm", c.cpm());
        terms.put("priority", c.priority());
        terms.put("startsAt", c.startsAt().toString());
        terms.put("endsAt", c.endsAt().toString());
        terms.put("frequencyCap", c.frequencyCap());
        return terms;
    }
}
