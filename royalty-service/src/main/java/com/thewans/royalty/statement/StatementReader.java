package com.thewans.royalty.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.security.CurrentUser;
import com.thewans.royalty.period.Period;

/** Reading statements, with who may see which, and re-computing a party's chain. */
@Service
public class StatementReader {

    private static final String COLUMNS = """
            id, period, party_id, role, film_id, currency, amount, recouped, lines::text as lines, status, sequence,
            previous_hash, hash, issued_at, payout_id""";

    private final JdbcTemplate jdbc;
    private final Statements statements;

    StatementReader(JdbcTemplate jdbc, Statements statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /** A creator sees only statements addressed to them; admins any. */
    public static void requireOwnOrAdmin(CurrentUser caller, UUID partyId) {
        if (!caller.isAdmin() && !caller.userId().equals(partyId)) {
            throw new NotYourStatements();
        }
    }

    @Transactional(readOnly = true)
    public StatementView get(UUID id, CurrentUser caller) {
        List<StatementView> found = jdbc.query("select " + COLUMNS + " from statement where id = ?",
                (rs, i) -> view(rs), id);
        if (found.isEmpty()) {
            throw new StatementNotFound(id);
        }
        requireOwnOrAdmin(caller, found.get(0).partyId());
        return found.get(0);
    }

    @Transactional(readOnly = true)
    public List<StatementView> ofParty(UUID partyId, Period period) {
        return period == null
                ? jdbc.query("select " + COLUMNS + " from statement where party_id = ? order by period desc, film_id, "
                        + "currency limit 1000", (rs, i) -> view(rs), partyId)
                : jdbc.query("select " + COLUMNS + " from statement where party_id = ? and period = ? order by film_id,"
                        + " currency", (rs, i) -> view(rs), partyId, java.sql.Date.valueOf(period.firstDay()));
    }

    @Transactional(readOnly = true)
    public List<StatementView> ofFilm(UUID filmId) {
        return jdbc.query("select " + COLUMNS + " from statement where film_id = ? order by period desc, party_id, "
                + "currency limit 1000", (rs, i) -> view(rs), filmId);
    }

    @Transactional(readOnly = true)
    public List<StatementView> ofPeriod(Period period) {
        return jdbc.query("select " + COLUMNS + " from statement where period = ? order by party_id, film_id, currency",
                (rs, i) -> view(rs), java.sql.Date.valueOf(period.firstDay()));
    }

    /**
     * Walks the party's chain from its first statement up to this one, re-computing every hash from
     * the stored fields and checking each names its predecessor's stored hash.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify(UUID id, CurrentUser caller) {
        StatementView target = get(id, caller);
        if (!"ISSUED".equals(target.status())) {
            throw new StatementNotIssued(id);
        }
        String[] previous = {null};
        long[] checked = {0};
        ChainVerification[] broken = {null};
        jdbc.query("""
                select id, period, party_id, role, film_id, currency, amount, recouped, lines::text as lines, sequence,
                    previous_hash, hash, issued_at from statement
                where party_id = ? and status = 'ISSUED' and sequence <= ? order by sequence""", rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    StatementSeal.Sealed sealed = statements.sealedFrom(rs);
                    UUID sid = sealed.id();
                    checked[0]++;
                    if (sealed.sequence() != checked[0]) {
                        broken[0] = new ChainVerification(id, target.partyId(), false, checked[0], null, sid,
                                "statement number " + checked[0] + " is missing");
                    } else if (!java.util.Objects.equals(sealed.previousHash(), previous[0])) {
                        broken[0] = new ChainVerification(id, target.partyId(), false, checked[0], null, sid,
                                "it does not name the previous statement's hash");
                    } else if (!StatementSeal.hash(sealed).equals(rs.getString("hash"))) {
                        broken[0] = new ChainVerification(id, target.partyId(), false, checked[0], null, sid,
                                "its content does not match its hash (edited after it was issued)");
                    }
                    previous[0] = rs.getString("hash");
                }, target.partyId(), target.sequence());
        return broken[0] != null ? broken[0]
                : new ChainVerification(id, target.partyId(), true, checked[0], target.hash(), null, null);
    }

    private StatementView view(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        long amount = rs.getLong("amount");
        Long sequence = rs.getObject("sequence") == null ? null : rs.getLong("sequence");
        return new StatementView(rs.getObject("id", UUID.class), Period.of(rs.getDate("period").toLocalDate())
                .toString(), rs.getObject("party_id", UUID.class), rs.getString("role"),
                rs.getObject("film_id", UUID.class), currency, amount, StatementView.display(currency, amount),
                rs.getLong("recouped"), statements.lines(rs.getString("lines")), rs.getString("status"),
                sequence, rs.getString("previous_hash"), rs.getString("hash"),
                rs.getTimestamp("issued_at") == null ? null : rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("payout_id", UUID.class));
    }
}
