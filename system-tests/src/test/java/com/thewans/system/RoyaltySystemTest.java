package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * The seed's royalty story through the gateway: a film on an agreement (producer 70 %, a
 * distributor 20 %, the platform 10 %), a viewer in PNG rents it for K 9.90 with the test card, an
 * admin calculates the month, and the creator's statement shows their 70 % of the payment net of
 * its GST to the toea, the platform's and distributor's shares making up the rest exactly.
 */
@Order(7)
@ExtendWith(RunningPlatform.class)
class RoyaltySystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aRentalPaidByCardReachesTheCreatorsStatementToTheToea() throws Exception {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        String filmId = Storefront.publishedFilm(studio, creator, "Bilum Stories " + UUID.randomUUID(),
                "Weavers of the Highlands tell their lives through the bags they make.", 74, "documentary");
        Storefront.openRentals(office, admin, filmId);
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        String distributor = UUID.randomUUID().toString();
        var agreement = office.send("POST", "/api/royalty/agreements", Map.of("filmId", filmId,
                "effectiveFrom", period, "shares", List.of(Map.of("role", "PRODUCER", "bps", 7000),
                        Map.of("role", "DISTRIBUTOR", "partyId", distributor, "bps", 2000),
                        Map.of("role", "PLATFORM", "bps", 1000))), admin);
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);

        Visitor someone = new Visitor(gateway);
        Visitor.Session viewer = someone.newViewer();
        JsonNode paid = Storefront.rentWithTestCard(someone, viewer, filmId);
        long net = Storefront.RENTAL_TOEA - someone.get("/api/invoices/" + paid.get("invoiceId").asString(),
                viewer).json().get("gst").get("amount").asLong();

        // royalty hears payment.succeeded; the admin calculates the month until the sale is in it
        JsonNode statement = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var calculated = office.send("POST", "/api/royalty/calculate", Map.of("period", period), admin);
            assertThat(calculated.status()).as(calculated.body()).isEqualTo(200);
            var report = studio.get("/api/royalty/creator/" + creator.userId() + "?period=" + period, creator);
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            for (JsonNode s : report.json().get("statements")) {
                if (s.get("filmId").asString().equals(filmId)) {
                    return s;
                }
            }
            return null;
        }, s -> s != null);

        assertThat(net).isEqualTo(900);
        assertThat(statement.get("amount").asLong()).isEqualTo(630);
        assertThat(statement.get("display").asString()).isEqualTo("K 6.30");
        JsonNode film = office.get("/api/royalty/film/" + filmId, admin).json();
        long platform = 0;
        long distributors = 0;
        for (JsonNode party : film.get("parties")) {
            switch (party.get("role").asString()) {
                case "PLATFORM" -> platform += party.get("amount").asLong();
                case "DISTRIBUTOR" -> distributors += party.get("amount").asLong();
                default -> assertThat(party.get("amount").asLong()).isEqualTo(630);
            }
        }
        assertThat(platform).isEqualTo(90);
        assertThat(distributors).isEqualTo(180);
        assertThat(statement.get("amount").asLong() + platform + distributors).isEqualTo(net);
        assertThat(studio.get("/api/royalty/creator/" + distributor, creator).status()).isEqualTo(403);
    }
}
