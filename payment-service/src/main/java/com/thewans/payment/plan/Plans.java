package com.thewans.payment.plan;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.InvalidField;
import com.thewans.payment.web.Money;

/** The plans admins offer; subscriptions name one by code. */
@Service
public class Plans {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Plans(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every plan, cheapest first; retired ones only when asked (admins). */
    @Transactional(readOnly = true)
    public List<Plan> all(boolean withRetired) {
        Map<UUID, Map<String, Long>> prices = new HashMap<>();
        jdbc.query("select plan_id, currency, amount from plan_prices", rs -> {
            prices.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>()).put(rs.getString(2),
                    rs.getLong(3));
        });
        Map<UUID, Plan> plans = new LinkedHashMap<>();
        jdbc.query("""
                select p.* from plans p where ? or p.retired_at is null
                order by (select min(amount) from plan_prices pp where pp.plan_id = p.id and pp.currency = 'USD'),
                    p.code""", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            plans.put(id, new Plan(id, rs.getString("code"), rs.getString("name"), rs.getString("description"),
                    Plan.BillingInterval.valueOf(rs.getString("billing_interval")), rs.getInt("trial_days"),
                    rs.getInt("max_streams"), rs.getString("max_quality"), rs.getBoolean("with_ads"),
                    Map.copyOf(prices.getOrDefault(id, Map.of())), instant(rs, "retired_at")));
        }, withRetired);
        return List.copyOf(plans.values());
    }

    /** The plan with this code, retired or not. */
    @Transactional(readOnly = true)
    public Plan get(String code) {
        return all(true).stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new PlanNotFound(code));
    }

    @Transactional
    Plan create(NewPlanRequest request) {
        if (request.prices().stream().map(Money::currency).distinct().count() < request.prices().size()) {
            throw new InvalidField("prices", "name each currency once");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        try {
            jdbc.update("""
                    insert into plans (id, code, name, description, billing_interval, trial_days, max_streams,
                        max_quality, with_ads, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, request.code(), request.name().strip(),
                    request.description(), request.interval().name(), request.trialDays(), request.maxStreams(),
                    request.maxQuality(), request.withAds(), ts(now), ts(now));
        } catch (DuplicateKeyException e) {
            throw new PlanExists(request.code());
        }
        request.prices().forEach(price -> jdbc.update(
                "insert into plan_prices (plan_id, currency, amount) values (?, ?, ?)", id, price.currency(),
                price.amount()));
        audit.record("plan.created", "plan:" + request.code(), Map.of("prices", request.prices().toString()));
        return get(request.code());
    }

    /** Retires a plan: no new subscribers, the ones on it keep it. Retiring twice is harmless. */
    @Transactional
    Plan retire(String code) {
        Plan plan = get(code);
        if (!plan.retired()) {
            jdbc.update("update plans set retired_at = ?, updated_at = ? where id = ? and retired_at is null",
                    ts(Instant.now(clock)), ts(Instant.now(clock)), plan.id());
            audit.record("plan.retired", "plan:" + code, Map.of());
        }
        return get(code);
    }
}
