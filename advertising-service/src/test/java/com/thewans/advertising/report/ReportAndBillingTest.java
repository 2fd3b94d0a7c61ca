package com.thewans.advertising.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

import com.thewans.advertising.AdsTestSupport;
import com.thewans.advertising.Vast42Rules;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class ReportAndBillingTest extends AdsTestSupport {

    @Autowired
    ImpressionBilling billing;

    @Test
    void aCampaignsReportShowsImpressionsClicksCtrCompletionAndSpendPerDayAndTerritory() {
        UUID film = film();
        UUID campaign = activeCampaign(campaignJson("Digicel", "{}", null));
        for (int i = 0; i < 4; i++) {
            Element vast = xml(serve(film, viewer(), i < 3 ? "PG" : "FJ").body()).getDocumentElement();
            fire(vast, "Impression");
            if (i == 0) {
                fire(vast, "ClickTracking");
            }
            if (i < 2) {
                fireTracking(vast, "complete");
            }
        }
        countFlush.flush();

        TestHttp.Response report = get("/api/ads/campaigns/" + campaign + "/report", admin);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode body = report.json();
        assertThat(body.get("impressions").asLong()).isEqualTo(4);
        assertThat(body.get("clicks").asLong()).isEqualTo(1);
        assertThat(body.get("ctr").asDouble()).isEqualTo(0.25);
        assertThat(body.get("completionRate").asDouble()).isEqualTo(0.5);
        // 4 impressions at a CPM of 50.00 kina: 20 toea
        assertThat(body.get("spend").asLong()).isEqualTo(20);
        JsonNode pg = body.get("days").get(0);
        assertThat(pg.get("day").asString()).isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        assertThat(pg.get("territory").asString()).isEqualTo("FJ");
        assertThat(body.get("days").get(1).get("impressions").asLong()).isEqualTo(3);

        TestHttp.Response csv = get("/api/ads/campaigns/" + campaign + "/report.csv", admin);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).containsExactly(
                "day,territory,served,impressions,clicks,ctr,completes,completion_rate,spend,currency",
                LocalDate.ofInstant(now, ZoneOffset.UTC) + ",FJ,1,1,0,0.0000,0,0.0000,5,PGK",
                LocalDate.ofInstant(now, ZoneOffset.UTC) + ",PG,3,3,1,0.3333,2,0.6667,15,PGK");
        assertThat(get("/api/ads/campaigns/" + campaign + "/report", viewer()).status()).isEqualTo(403);
    }

    @Test
    void eachFinishedHourIsBilledOncePerFilmAndCurrency() {
        UUID film = film();
        activeCampaign(campaignJson("Digicel", "{}", null));
        activeCampaign(campaignJson("Kina Bank", "{}", null).replace("\"cpm\":5000", "\"cpm\":3000"));
        for (int i = 0; i < 3; i++) {
            Element vast = xml(serve(film, viewer(), "PG").body()).getDocumentElement();
            fire(vast, "Impression");
        }
        // an impression never fired is served but not billed
        serve(film, viewer(), "PG");

        assertThat(billing.bill()).as("the hour is not over yet").isZero();
        clock.set(now.plus(Duration.ofHours(3)));
        assertThat(billing.bill()).isEqualTo(1);
        assertThat(billing.bill()).isZero();

        List<JsonNode> billed = outboxEvents("ad.impressions_billed", "filmId", film.toString());
        assertThat(billed).hasSize(1);
        JsonNode data = billed.get(0);
        assertThat(data.get("billingId").asString()).isEqualTo(ImpressionBilling.billingId(film, now.truncatedTo(
                ChronoUnit.HOURS), "PGK").toString());
        assertThat(data.get("hourStart").asString()).isEqualTo(now.truncatedTo(ChronoUnit.HOURS).toString());
        assertThat(data.get("hourEnd").asString()).isEqualTo(now.truncatedTo(ChronoUnit.HOURS).plus(Duration
                .ofHours(1)).toString());
        assertThat(data.get("currency").asString()).isEqualTo("PGK");
        // 3 pods of two ads (Digicel at 50.00 and Kina Bank at 30.00 per thousand): 6 impressions, 24 toea
        assertThat(data.get("impressions").asLong()).isEqualTo(6);
        assertThat(data.get("amount").asLong()).isEqualTo(24);
        assertThat(jdbc.queryForObject("select version from outbox_event where type = 'ad.impressions_billed'",
                Integer.class)).isEqualTo(1);
    }

    private void fire(Element vast, String element) {
        var nodes = vast.getElementsByTagNameNS(Vast42Rules.VAST, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            String url = nodes.item(i).getTextContent().strip();
            assertThat(get(url.substring(url.indexOf("/api/ads/")), null).status()).isEqualTo(204);
        }
    }

    private void fireTracking(Element vast, String event) {
        var nodes = vast.getElementsByTagNameNS(Vast42Rules.VAST, "Tracking");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element t = (Element) nodes.item(i);
            if (t.getAttribute("event").equals(event)) {
                String url = t.getTextContent().strip();
                assertThat(get(url.substring(url.indexOf("/api/ads/")), null).status()).isEqualTo(204);
            }
        }
    }
}
