package com.thewans.royalty.statement;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.thewans.common.events.DomainEvents;
import com.thewans.royalty.period.Period;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statements: drafts written whole by a calculation, issued and sealed when their period closes.
 * Every write here runs inside the calculation's or the close's transaction and lock.
 */
@Component
public class Statements {

    private static final TypeReference<List<StatementLine>> LINES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final DomainEvents events;

    Statements(JdbcTemplate jdbc, JsonMapper json, Clock clock, DomainEvents events) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** What a calculation produced for one party, film and currency. */
    public record Draft(UUID partyId, String role, UUID filmId, String currency, long amount, long recouped,
            List<StatementLine> lines) {
    }

    /**
     * A statement's id follows from its period, party, film and currency, so re-running an open
     * period gives back the same statements under the same ids.
     */
    public static UUID idOf(Period period, UUID partyId, UUID filmId, String currency) {
        return UUID.nameUUIDFromBytes(("statement:" + period + ":" + partyId + ":" + filmId + ":" + currency)
                .getBytes(StandardCharsets.UTF_8));
    }

    public void deleteDrafts(Period period) {
        jdbc.update("delete from statement where period = ? and status = 'DRAFT'", Date.valueOf(period.firstDay()));
    }

    /**
     * All drafts in one INSERT over arrays (unnest): one round trip and one statement whatever their
     * number, which is what keeps a period of tens of thousands of statements in the bench's budget.
     */
    public void writeDrafts(Period period, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        int n = drafts.size();
        UUID[] ids = new UUID[n];
        UUID[] parties = new UUID[n];
        String[] roles = new String[n];
        UUID[] films = new UUID[n];
        String[] currencies = new String[n];
        Long[] amounts = new Long[n];
        Long[] recouped = new Long[n];
        String[] lines = new String[n];
        for (int i = 0; i < n; i++) {
            Draft d = drafts.get(i);
            ids[i] = idOf(period, d.partyId(), d.filmId(), d.currency());
            parties[i] = d.partyId();
            roles[i] = d.role();
            films[i] = d.filmId();
            currencies[i] = d.currency();
            amounts[i] = d.amount();
            recouped[i] = d.recouped();
            lines[i] = linesJson(d.lines());
        }
        Date day = Date.valueOf(period.firstDay());
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into statement (id, period, party_id, role, film_id, currency, amount, recouped, lines, status)
                    select id, ?, party, role, film, currency, amount, recouped, lines::jsonb, 'DRAFT'
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::text[])
                        as d(id, party, role, film, currency, amount, recouped, lines)""");
            ps.setDate(1, day);
            ps.setArray(2, con.createArrayOf("uuid", ids));
            ps.setArray(3, con.createArrayOf("uuid", parties));
            ps.setArray(4, con.createArrayOf("text", roles));
            ps.setArray(5, con.createArrayOf("uuid", films));
            ps.setArray(6, con.createArrayOf("text", currencies));
            ps.setArray(7, con.createArrayOf("bigint", amounts));
            ps.setArray(8, con.createArrayOf("bigint", recouped));
            ps.setArray(9, con.createArrayOf("text", lines));
            return ps;
        });
    }

    /** Lines as compact JSON written by hand: the bench writes tens of thousands of them. */
    private static String linesJson(List<StatementLine> lines) {
        StringBuilder sb = new StringBuilder(lines.size() * 64).append('[');
        for (int i = 0; i < lines.size(); i++) {
            StatementLine l = lines.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"revenueKind\":\"").append(l.revenueKind()).append("\",\"step\":\"").append(l.step())
                    .append("\",\"base\":").append(l.base()).append(",\"amount\":").append(l.amount()).append('}');
        }
        return sb.append(']').toString();
    }

    /** What each party recouped from each film in each currency in closed periods before {@code period}. */
    public Map<String, Long> recoupedBefore(Period period) {
        Map<String, Long> recouped = new HashMap<>();
        jdbc.query("""
                select film_id, currency, party_id, sum(recouped) from statement
                where status = 'ISSUED' and period < ? and recouped <> 0 group by film_id, currency, party_id""",
                rs -> {
                    recouped.put(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3), rs.getLong(4));
                }, Date.valueOf(period.firstDay()));
        return recouped;
    }

    /** The event notification-service tells the party of. */
    public record StatementIssued(UUID statementId, UUID partyId, String role, UUID filmId, String period,
            String currency, long amount, String hash) {
    }

    /**
     * Issues every draft of the period: in the order of party, film and currency each is numbered in
     * its party's chain, sealed over its canonical form with the previous statement's hash, and
     * announced. Returns how many were issued.
     */
    public int issue(Period period) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, Object[]> heads = new HashMap<>(); // party -> {sequence, hash, id}
        jdbc.query("""
                select distinct on (party_id) party_id, sequence, hash, id from statement
                where status = 'ISSUED' order by party_id, sequence desc""",
                rs -> {
                    heads.put(rs.getObject(1, UUID.class), new Object[] {rs.getLong(2), rs.getString(3),
                            rs.getObject(4, UUID.class)});
                });
        List<StatementSeal.Sealed> sealed = new ArrayList<>();
        List<UUID> previousIds = new ArrayList<>();
        jdbc.query("""
                select id, party_id, role, film_id, currency, amount, recouped, lines::text from statement
                where period = ? and status = 'DRAFT' order by party_id, film_id, currency""", rs -> {
                    UUID party = rs.getObject(2, UUID.class);
                    Object[] head = heads.get(party);
                    long sequence = head == null ? 1 : (long) head[0] + 1;
                    String previous = head == null ? null : (String) head[1];
                    previousIds.add(head == null ? null : (UUID) head[2]);
                    StatementSeal.Sealed s = new StatementSeal.Sealed(rs.getObject(1, UUID.class), party,
                            rs.getString(3), rs.getObject(4, UUID.class), period.toString(), rs.getString(5),
                            rs.getLong(6), rs.getLong(7), json.readValue(rs.getString(8), LINES), sequence, previous,
                            issuedAt);
                    sealed.add(s);
                    heads.put(party, new Object[] {sequence, StatementSeal.hash(s), s.id()});
                }, Date.valueOf(period.firstDay()));
        List<Object[]> updates = new ArrayList<>(sealed.size());
        for (int i = 0; i < sealed.size(); i++) {
            StatementSeal.Sealed s = sealed.get(i);
            updates.add(new Object[] {s.sequence(), previousIds.get(i), s.previousHash(), StatementSeal.hash(s),
                    Timestamp.from(issuedAt), s.id()});
        }
        jdbc.batchUpdate("""
                update statement set status = 'ISSUED', sequence = ?, previous_id = ?, previous_hash = ?, hash = ?,
                    issued_at = ? where id = ? and status = 'DRAFT'""", updates);
        for (StatementSeal.Sealed s : sealed) {
            events.publish("royalty.statement_issued", new StatementIssued(s.id(), s.partyId(), s.role(), s.filmId(),
                    s.period(), s.currency(), s.amount(), StatementSeal.hash(s)));
        }
        return sealed.size();
    }

    StatementSeal.Sealed sealedFrom(ResultSet rs) throws SQLException {
        return new StatementSeal.Sealed(rs.getObject("id", UUID.class), rs.getObject("party_id", UUID.class),
                rs.getString("role"), rs.getObject("film_id", UUID.class),
                Period.of(rs.getDate("period").toLocalDate()).toString(), rs.getString("currency"),
                rs.getLong("amount"), rs.getLong("recouped"), json.readValue(rs.getString("lines"), LINES),
                rs.getLong("sequence"), rs.getString("previous_hash"), rs.getTimestamp("issued_at").toInstant());
    }

    List<StatementLine> lines(String jsonText) {
        return json.readValue(jsonText, LINES);
    }

}
