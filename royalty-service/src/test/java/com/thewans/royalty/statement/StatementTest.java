package com.thewans.royalty.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.royalty.RoyaltyTestSupport;
import com.thewans.testkit.TestTokens;

class StatementTest extends RoyaltyTestSupport {

    private UUID creator;
    private UUID film;

    private void twoClosedMonths() {
        creator = UUID.randomUUID();
        film = catalog.film(creator);
        agreement(film, UUID.randomUUID(), JAN);
        sale(film, 990, 90, "PGK", in(JAN, 3));
        close(JAN);
        sale(film, 1990, 181, "PGK", in(FEB, 3));
        close(FEB);
    }

    private UUID statementOf(UUID party, java.time.YearMonth period) {
        return jdbc.queryForObject("select id from statement where party_id = ? and period = ?", UUID.class, party,
                java.sql.Date.valueOf(period.atDay(1)));
    }

    @Test
    void issuedStatementsAreChainedPerPartyAndAnnounced() {
        twoClosedMonths();
        UUID february = statementOf(creator, FEB);

        var verified = get("/api/royalty/statements/" + february + "/verify", TestTokens.creator(creator)).json();

        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("checked").asLong()).isEqualTo(2);
        var statement = get("/api/royalty/statements/" + february, TestTokens.creator(creator)).json();
        var january = get("/api/royalty/statements/" + statementOf(creator, JAN), admin).json();
        assertThat(statement.get("previousHash").asString()).isEqualTo(january.get("hash").asString());
        assertThat(statement.get("sequence").asLong()).isEqualTo(2);
        var issued = outboxEvents("royalty.statement_issued", "statementId", february.toString());
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).get("partyId").asString()).isEqualTo(creator.toString());
        assertThat(issued.get(0).get("amount").asLong()).isEqualTo(statement.get("amount").asLong());
    }

    @Test
    void anEditedStatementBreaksTheChainFromThatStatementOn() {
        twoClosedMonths();
        UUID january = statementOf(creator, JAN);
        jdbc.update("update statement set amount = amount + 1 where id = ?", january);

        var verified = get("/api/royalty/statements/" + statementOf(creator, FEB) + "/verify", admin).json();

        assertThat(verified.get("valid").asBoolean()).isFalse();
        assertThat(verified.get("brokenAt").asString()).isEqualTo(january.toString());
    }

    @Test
    void aDraftHasNoSealToVerify() {
        UUID film = catalog.film(UUID.randomUUID());
        agreement(film, UUID.randomUUID(), JAN);
        sale(film, 990, 90, "PGK", in(JAN, 3));
        calculate(JAN);
        UUID draft = jdbc.queryForObject("select id from statement limit 1", UUID.class);

        assertProblem(get("/api/royalty/statements/" + draft + "/verify", admin), 409, "statement-not-issued");
        assertProblem(get("/api/royalty/statements/" + UUID.randomUUID(), admin), 404, "statement-not-found");
    }

    @Test
    void aCreatorSeesOnlyTheirOwnStatements() {
        twoClosedMonths();
        String someoneElse = TestTokens.creator(UUID.randomUUID());

        var own = get("/api/royalty/creator/" + creator, TestTokens.creator(creator));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("statements")).hasSize(2);
        assertThat(own.json().get("issued").get(0).get("amount").asLong()).isEqualTo(630 + 1266);
        assertProblem(get("/api/royalty/creator/" + creator, someoneElse), 403, "forbidden");
        assertProblem(get("/api/royalty/statements/" + statementOf(creator, JAN), someoneElse), 403, "forbidden");
        assertProblem(get("/api/royalty/film/" + film, someoneElse), 403, "forbidden");
        assertThat(get("/api/royalty/film/" + film, TestTokens.creator(creator)).status()).isEqualTo(200);
        assertThat(get("/api/royalty/creator/" + creator, TestTokens.viewer(creator)).status()).isEqualTo(403);
        assertThat(get("/api/royalty/report?period=" + JAN, TestTokens.creator(creator)).status()).isEqualTo(403);
    }

    @Test
    void theFilmReportShowsEarningsByPeriodAndKindAndThePlatformReportSumsThePeriod() {
        twoClosedMonths();

        var filmReport = get("/api/royalty/film/" + film, admin).json();
        var report = get("/api/royalty/report?period=" + JAN, admin).json();

        assertThat(filmReport.get("earnings").get(0).get("period").asString()).isEqualTo(FEB.toString());
        assertThat(filmReport.get("earnings").get(0).get("revenueKind").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(filmReport.get("earnings").get(0).get("amount").asLong()).isEqualTo(1809);
        assertThat(report.get("closed").asBoolean()).isTrue();
        assertThat(report.get("revenue").get(0).get("amount").asLong()).isEqualTo(900);
        assertThat(report.get("allocated")).hasSize(3);
    }

    @Test
    void aPartysPeriodComesAsCsvAndAsAPdf() {
        twoClosedMonths();
        String own = TestTokens.creator(creator);

        var csv = get("/api/royalty/creator/" + creator + "/statements.csv?period=" + JAN, own);
        var pdf = get("/api/royalty/creator/" + creator + "/statement.pdf?period=" + JAN, own);

        assertThat(csv.status()).isEqualTo(200);
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).startsWith("statement_id,period,party_id");
        assertThat(rows[1]).contains(",2025-01," + creator + ",PRODUCER," + film + ",PGK,ISSUED,TRANSACTIONAL,SHARE,900,630,630,");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }
}
