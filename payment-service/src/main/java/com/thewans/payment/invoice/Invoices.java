package com.thewans.payment.invoice;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.security.CurrentUser;

/**
 * Issues and reads invoices. Numbers come from one counter row per year, bumped inside the
 * transaction that records the payment's success: the row lock orders concurrent issues, and a
 * rollback gives the number back, so there is never a gap or a duplicate.
 */
@Service
public class Invoices {

    private static final RowMapper<Invoice> ROW = (rs, n) -> new Invoice(rs.getObject("id", UUID.class),
            rs.getString("number"), rs.getObject("transaction_id", UUID.class), rs.getObject("user_id", UUID.class),
            rs.getString("description"), rs.getString("currency"), rs.getLong("amount"), rs.getLong("gst_amount"),
            instant(rs, "issued_at"));

    private final JdbcTemplate jdbc;

    Invoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The invoice for a payment, issued now unless it has one; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Invoice issue(UUID transactionId, UUID userId, String description, String currency, long amount,
            long gstAmount, Instant issuedAt) {
        Optional<Invoice> existing = forTransaction(transactionId);
        if (existing.isPresent()) {
            return existing.get();
        }
        int year = issuedAt.atZone(ZoneOffset.UTC).getYear();
        jdbc.update("insert into invoice_counters (year, last_seq) values (?, 0) on conflict do nothing", year);
        int seq = jdbc.queryForObject(
                "update invoice_counters set last_seq = last_seq + 1 where year = ? returning last_seq", Integer.class,
                year);
        UUID id = UUID.randomUUID();
        String number = "WANS-%d-%06d".formatted(year, seq);
        jdbc.update("""
                insert into invoices (id, number, year, seq, transaction_id, user_id, description, currency, amount,
                    gst_amount, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, number, year, seq, transactionId, userId, description,
                currency, amount, gstAmount, ts(issuedAt));
        return new Invoice(id, number, transactionId, userId, description, currency, amount, gstAmount, issuedAt);
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> forTransaction(UUID transactionId) {
        return jdbc.query("select * from invoices where transaction_id = ?", ROW, transactionId).stream().findFirst();
    }

    /** The invoice ids of these payments, in one query (a page of payments shows them). */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> idsForTransactions(List<UUID> transactionIds) {
        Map<UUID, UUID> ids = new HashMap<>();
        if (!transactionIds.isEmpty()) {
            jdbc.query("select transaction_id, id from invoices where transaction_id = any(?)", rs -> {
                ids.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            }, (Object) transactionIds.toArray(UUID[]::new));
        }
        return ids;
    }

    /** An invoice its owner or an admin may read; others get 404, as if it did not exist. */
    @Transactional(readOnly = true)
    Invoice readable(CurrentUser user, UUID id) {
        Invoice invoice = jdbc.query("select * from invoices where id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> new InvoiceNotFound(id));
        if (!user.isAdmin() && !invoice.userId().equals(user.userId())) {
            throw new InvoiceNotFound(id);
        }
        return invoice;
    }

    @Transactional(readOnly = true)
    List<Invoice> ofUser(UUID userId, int page, int size) {
        return jdbc.query("select * from invoices where user_id = ? order by issued_at desc, number desc limit ? offset ?",
                ROW, userId, size, (long) page * size);
    }

    @Transactional(readOnly = true)
    long countOfUser(UUID userId) {
        return jdbc.queryForObject("select count(*) from invoices where user_id = ?", Long.class, userId);
    }
}
