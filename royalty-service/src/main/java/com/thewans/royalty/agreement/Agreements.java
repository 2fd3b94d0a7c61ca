package com.thewans.royalty.agreement;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;
import com.thewans.royalty.RoyaltySettings;
import com.thewans.royalty.period.Period;
import com.thewans.royalty.period.PeriodBook;
import com.thewans.royalty.period.PeriodClosed;

import tools.jackson.databind.json.JsonMapper;

/**
 * Films' agreements, versioned by month. A new version never starts in a closed period, so a closed
 * period's statements can always be explained by the versions in force then. Versions of one film
 * are written under a per-film advisory lock, so two admins cannot slip overlapping ones in.
 */
@Service
public class Agreements {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final FilmCatalog catalog;
    private final PeriodBook periods;
    private final RoyaltySettings settings;

    Agreements(JdbcTemplate jdbc, JsonMapper json, Clock clock, AuditLog audit, FilmCatalog catalog, PeriodBook periods,
            RoyaltySettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.catalog = catalog;
        this.periods = periods;
        this.settings = settings;
    }

    @Transactional
    AgreementView create(AgreementRequest request, CurrentUser admin) {
        Period from = Period.parse(request.effectiveFrom());
        Period to = request.effectiveTo() == null ? null : Period.parse(request.effectiveTo());
        if (to != null && !to.isAfter(from)) {
            throw new InvalidField("effectiveTo", "must be after effectiveFrom (it is exclusive)");
        }
        UUID producer = catalog.require(request.filmId()).creatorId();
        AgreementTerms terms = resolve(request, producer);

        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended('agreement:' || ?, 0))", Object.class,
                request.filmId().toString());
        periods.closedThrough().filter(closed -> !from.isAfter(closed)).ifPresent(closed -> {
            throw new PeriodClosed(from, closed);
        });
        List<UUID> conflicting = new ArrayList<>();
        UUID superseded = null;
        for (Map<String, Object> v : jdbc.queryForList(
                "select id, effective_from, effective_to from agreement where film_id = ?", request.filmId())) {
            Period vFrom = Period.of(((Date) v.get("effective_from")).toLocalDate());
            Date vToDate = (Date) v.get("effective_to");
            Period vTo = vToDate == null ? null : Period.of(vToDate.toLocalDate());
            boolean overlaps = (to == null || vFrom.compareTo(to) < 0) && (vTo == null || from.compareTo(vTo) < 0);
            if (!overlaps) {
                continue;
            }
            if (vTo == null && from.isAfter(vFrom)) {
                superseded = (UUID) v.get("id"); // an open-ended earlier version ends where the new one starts
            } else {
                conflicting.add((UUID) v.get("id"));
            }
        }
        if (!conflicting.isEmpty()) {
            throw new AgreementOverlap(request.filmId(), conflicting);
        }
        if (superseded != null) {
            jdbc.update("update agreement set effective_to = ? where id = ?", Date.valueOf(from.firstDay()), superseded);
        }
        UUID id = UUID.randomUUID();
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from agreement where film_id = ?",
                Integer.class, request.filmId());
        String createdBy = admin.userId().toString();
        var now = clock.instant();
        jdbc.update("""
                insert into agreement (id, film_id, version, effective_from, effective_to, terms, created_at, created_by)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""", id, request.filmId(), version,
                Date.valueOf(from.firstDay()), to == null ? null : Date.valueOf(to.firstDay()),
                json.writeValueAsString(terms), Timestamp.from(now), createdBy);
        Map<UUID, PartyRole> parties = new LinkedHashMap<>();
        terms.shares().values().forEach(list -> list.forEach(s -> parties.putIfAbsent(s.partyId(), s.role())));
        terms.steps().forEach(s -> parties.putIfAbsent(s.partyId(), s.role()));
        parties.forEach((party, role) -> jdbc.update(
                "insert into agreement_party (agreement_id, party_id, role) values (?, ?, ?)", id, party, role.name()));
        Map<String, Object> details = new HashMap<>();
        details.put("filmId", request.filmId());
        details.put("version", version);
        details.put("effectiveFrom", from.toString());
        details.put("effectiveTo", to == null ? null : to.toString());
        details.put("supersededAgreementId", superseded);
        audit.record("royalty.agreement_created", "agreement:" + id, details);
        return new AgreementView(id, request.filmId(), version, from.toString(), to == null ? null : to.toString(),
                terms, now, createdBy);
    }

    @Transactional(readOnly = true)
    List<AgreementView> ofFilm(UUID filmId) {
        return jdbc.query("""
                select id, film_id, version, effective_from, effective_to, terms::text, created_at, created_by
                from agreement where film_id = ? order by effective_from""", (rs, i) -> new AgreementView(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                Period.of(rs.getDate(4).toLocalDate()).toString(),
                rs.getDate(5) == null ? null : Period.of(rs.getDate(5).toLocalDate()).toString(),
                json.readValue(rs.getString(6), AgreementTerms.class), rs.getTimestamp(7).toInstant(),
                rs.getString(8)), filmId);
    }

    /** The version in force for every film that has one in {@code period}: one query, for the calculation. */
    public Map<UUID, InForce> inForce(Period period) {
        Map<UUID, InForce> byFilm = new HashMap<>();
        LocalDate day = period.firstDay();
        jdbc.query("""
                select film_id, id, terms::text from agreement
                where effective_from <= ? and (effective_to is null or effective_to > ?)""",
                rs -> {
                    byFilm.put(rs.getObject(1, UUID.class), new InForce(rs.getObject(2, UUID.class),
                            json.readValue(rs.getString(3), AgreementTerms.class)));
                }, Date.valueOf(day), Date.valueOf(day));
        return byFilm;
    }

    /** The films a party is named in (for a creator's or distributor's report). */
    public record InForce(UUID agreementId, AgreementTerms terms) {
    }

    private AgreementTerms resolve(AgreementRequest request, UUID producer) {
        Map<String, List<AgreementTerms.Share>> shares = new LinkedHashMap<>();
        shares.put(AgreementTerms.DEFAULT, shares(AgreementTerms.DEFAULT, request.shares(), producer));
        if (request.sharesByKind() != null) {
            request.sharesByKind().forEach((kind, list) -> shares.put(kind.name(), shares(kind.name(), list, producer)));
        }
        List<AgreementTerms.Step> steps = new ArrayList<>();
        if (request.waterfall() != null) {
            for (AgreementRequest.StepRequest s : request.waterfall()) {
                UUID party = party(s.role(), s.partyId(), producer);
                switch (s.step()) {
                    case FEE -> {
                        if (s.bps() == null || s.amount() != null) {
                            throw new InvalidWaterfall("A FEE step takes bps (1..10000) and no amount");
                        }
                        steps.add(new AgreementTerms.Step(s.step(), party, s.role(), s.bps(), null, null));
                    }
                    case RECOUP -> {
                        if (s.amount() == null || s.currency() == null || s.bps() != null) {
                            throw new InvalidWaterfall("A RECOUP step takes an amount and its currency, no bps");
                        }
                        steps.add(new AgreementTerms.Step(s.step(), party, s.role(), null, s.amount(), s.currency()));
                    }
                }
            }
        }
        return new AgreementTerms(steps, shares);
    }

    private List<AgreementTerms.Share> shares(String kind, List<AgreementRequest.ShareRequest> requested,
            UUID producer) {
        long sum = 0;
        Set<UUID> seen = new HashSet<>();
        List<AgreementTerms.Share> shares = new ArrayList<>();
        for (AgreementRequest.ShareRequest s : requested) {
            UUID party = party(s.role(), s.partyId(), producer);
            if (!seen.add(party)) {
                throw new SharesNotWhole(kind, sum, "name party " + party + " twice");
            }
            sum += s.bps();
            shares.add(new AgreementTerms.Share(party, s.role(), s.bps()));
        }
        if (sum != 10_000) {
            throw new SharesNotWhole(kind, sum, "add up to " + sum + " basis points, not 10000");
        }
        return shares;
    }

    private UUID party(PartyRole role, UUID partyId, UUID producer) {
        return switch (role) {
            case PRODUCER -> {
                if (partyId != null && !partyId.equals(producer)) {
                    throw new InvalidWaterfall("The PRODUCER is the film's creator " + producer + ", not " + partyId);
                }
                yield producer;
            }
            case PLATFORM -> {
                if (partyId != null && !partyId.equals(settings.platformPartyId())) {
                    throw new InvalidWaterfall("The PLATFORM party is " + settings.platformPartyId());
                }
                yield settings.platformPartyId();
            }
            case DISTRIBUTOR -> {
                if (partyId == null) {
                    throw new InvalidWaterfall("A DISTRIBUTOR is named by its partyId");
                }
                yield partyId;
            }
        };
    }
}
