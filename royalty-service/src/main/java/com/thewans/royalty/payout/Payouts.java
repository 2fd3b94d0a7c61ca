package com.thewans.royalty.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.events.DomainEvents;
import com.thewans.royalty.RoyaltySettings;

/**
 * Monthly payouts. Scheduling sums each party's issued statements that no payout names yet, per
 * currency; a balance at or over the currency's threshold (K 50 by default) becomes one payout, and
 * its statements are marked with it in the same transaction ({@code payout_id is null} is the
 * guard), so a statement is never in two payouts: paid once, however often scheduling runs. A
 * smaller balance, or a party without a payee, waits for next month. Every transition is one
 * guarded UPDATE, audited and announced.
 */
@Service
public class Payouts {

    /** 'ROYO' in ASCII: one scheduling or sending pass at a time. */
    private static final long PAYOUTS_LOCK = 0x524F594FL;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RoyaltySettings settings;
    private final AuditLog audit;
    private final DomainEvents events;
    private final PayoutProvider provider;

    Payouts(JdbcTemplate jdbc, Clock clock, RoyaltySettings settings, AuditLog audit, DomainEvents events,
            PayoutProvider provider) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.provider = provider;
    }

    record PayoutChanged(UUID payoutId, UUID partyId, String currency, long amount, String status, String batchKey,
            String failure) {
    }

    @Transactional
    public void setPayee(UUID partyId, PayeeRequest payee) {
        jdbc.update("""
                insert into payee (party_id, method, account_name, bank_code, account_number, updated_at)
                values (?, 'BANK_TRANSFER', ?, ?, ?, ?) on conflict (party_id) do update set
                account_name = excluded.account_name, bank_code = excluded.bank_code,
                account_number = excluded.account_number, updated_at = excluded.updated_at""",
                partyId, payee.accountName(), payee.bankCode(), payee.accountNumber(), Timestamp.from(clock.instant()));
        audit.record("royalty.payee_set", "party:" + partyId,
                Map.of("bankCode", payee.bankCode(), "accountLast4", last4(payee.accountNumber())));
    }

    /** Schedules a payout for every balance over its threshold; returns the payouts made. */
    @Transactional
    public List<PayoutView> schedule() {
        lock();
        Instant now = clock.instant();
        List<PayoutView> scheduled = new ArrayList<>();
        List<Map<String, Object>> balances = jdbc.queryForList("""
                select s.party_id, s.currency, sum(s.amount) as balance from statement s
                join payee p on p.party_id = s.party_id
                where s.status = 'ISSUED' and s.payout_id is null group by s.party_id, s.currency
                order by s.party_id, s.currency""");
        for (Map<String, Object> b : balances) {
            UUID party = (UUID) b.get("party_id");
            String currency = (String) b.get("currency");
            long balance = ((Number) b.get("balance")).longValue();
            if (balance < settings.thresholdFor(currency) || balance <= 0) {
                continue; // carried forward to next month
            }
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    insert into payout (id, party_id, currency, amount, status, scheduled_at, updated_at)
                    values (?, ?, ?, ?, 'SCHEDULED', ?, ?)""", id, party, currency, balance, Timestamp.from(now),
                    Timestamp.from(now));
            int marked = jdbc.update("""
                    update statement set payout_id = ? where party_id = ? and currency = ? and status = 'ISSUED'
                    and payout_id is null""", id, party, currency);
            long paid = jdbc.queryForObject("select coalesce(sum(amount), 0) from statement where payout_id = ?",
                    Long.class, id);
            if (paid != balance || marked == 0) {
                throw new IllegalStateException("payout " + id + " covers " + paid + ", not " + balance);
            }
            audit.record("royalty.payout_scheduled", "payout:" + id,
                    Map.of("partyId", party, "currency", currency, "amount", balance, "statements", marked));
            events.publish("royalty.payout_scheduled",
                    new PayoutChanged(id, party, currency, balance, "SCHEDULED", null, null));
            scheduled.add(get(id));
        }
        return scheduled;
    }

    /** Hands every SCHEDULED or RETRIED payout to the provider, one batch per currency. */
    @Transactional
    public List<PayoutView> send() {
        lock();
        Map<String, List<PayoutProvider.Order>> byCurrency = new LinkedHashMap<>();
        jdbc.query("""
                select o.id, o.party_id, o.currency, o.amount, p.account_name, p.bank_code, p.account_number
                from payout o join payee p on p.party_id = o.party_id
                where o.status in ('SCHEDULED', 'RETRIED') order by o.currency, o.scheduled_at, o.id
                for update of o""", rs -> {
                    byCurrency.computeIfAbsent(rs.getString(3), c -> new ArrayList<>()).add(new PayoutProvider.Order(
                            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                });
        List<PayoutView> sent = new ArrayList<>();
        for (List<PayoutProvider.Order> orders : byCurrency.values()) {
            PayoutProvider.Handover handover = provider.send(orders);
            for (PayoutProvider.Order o : orders) {
                jdbc.update("""
                        update payout set status = 'SENT', attempts = attempts + 1, batch_key = ?, failure = null,
                        updated_at = ? where id = ? and status in ('SCHEDULED', 'RETRIED')""", handover.batchKey(),
                        Timestamp.from(clock.instant()), o.payoutId());
                audit.record("royalty.payout_sent", "payout:" + o.payoutId(),
                        Map.of("method", provider.method(), "batchKey", handover.batchKey(), "amount", o.amount()));
                events.publish("royalty.payout_sent", new PayoutChanged(o.payoutId(), o.partyId(), o.currency(),
                        o.amount(), "SENT", handover.batchKey(), null));
                sent.add(get(o.payoutId()));
            }
        }
        return sent;
    }

    /** The bank confirmed the transfer. */
    @Transactional
    public PayoutView markPaid(UUID id) {
        return transition(id, PayoutStatus.SENT, PayoutStatus.PAID, null, "marked paid");
    }

    /** The bank returned the transfer (closed account, wrong name...). */
    @Transactional
    public PayoutView markFailed(UUID id, String reason) {
        return transition(id, PayoutStatus.SENT, PayoutStatus.FAILED, reason, "marked failed");
    }

    /** Goes out again with the next batch (after the payee's details were put right). */
    @Transactional
    public PayoutView retry(UUID id) {
        return transition(id, PayoutStatus.FAILED, PayoutStatus.RETRIED, null, "retried");
    }

    private PayoutView transition(UUID id, PayoutStatus from, PayoutStatus to, String failure, String step) {
        PayoutView before = get(id);
        int changed = jdbc.update("""
                update payout set status = ?, failure = coalesce(?, failure), updated_at = ?
                where id = ? and status = ?""", to.name(), failure, Timestamp.from(clock.instant()), id, from.name());
        if (changed == 0) {
            throw new PayoutStateConflict(id, get(id).status(), step);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("reason", failure);
        audit.record("royalty.payout_" + to.name().toLowerCase(), "payout:" + id, details);
        events.publish("royalty.payout_" + to.name().toLowerCase(), new PayoutChanged(id, before.partyId(),
                before.currency(), before.amount(), to.name(), before.batchKey(), failure));
        return get(id);
    }

    @Transactional(readOnly = true)
    public PayoutView get(UUID id) {
        List<PayoutView> found = jdbc.query("select * from payout where id = ?", (rs, i) -> new PayoutView(
                rs.getObject("id", UUID.class), rs.getObject("party_id", UUID.class), rs.getString("currency"),
                rs.getLong("amount"), PayoutStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("batch_key"), rs.getString("failure"), rs.getTimestamp("scheduled_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant()), id);
        if (found.isEmpty()) {
            throw new PayoutNotFound(id);
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    List<PayoutView> list(PayoutStatus status) {
        return jdbc.query("select id from payout where (?::text is null or status = ?) order by scheduled_at desc limit 500",
                (rs, i) -> get(rs.getObject(1, UUID.class)), status == null ? null : status.name(),
                status == null ? null : status.name());
    }

    private void lock() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, PAYOUTS_LOCK);
    }

    private static String last4(String account) {
        return account.substring(Math.max(0, account.length() - 4));
    }
}
