package com.thewans.advertising.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.advertising.AdsTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class CampaignApiTest extends AdsTestSupport {

    private static final String PG_TARGETING = """
            {"territories":["PG"],"genres":["drama"],"maturityRatings":["PG","G"],"languages":["en","tpi"],
             "deviceTypes":["WEB","TV"],"dayparts":["18:00-23:00"]}""";

    @Test
    void anAdminCreatesADraftCampaignWithItsTermsAndTheAuditSaysWho() {
        JsonNode created = createCampaign(campaignJson("Digicel", PG_TARGETING, "\"priority\":7,\"frequencyCap\":3"));

        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("cpm").asLong()).isEqualTo(5000);
        assertThat(created.get("priority").asInt()).isEqualTo(7);
        assertThat(created.get("frequencyCap").asInt()).isEqualTo(3);
        assertThat(created.get("targeting").get("territories").get(0).asString()).isEqualTo("PG");
        assertThat(created.get("targeting").get("dayparts").get(0).get("from").asString()).startsWith("18:00");
        String id = created.get("id").asString();
        assertThat(get("/api/ads/campaigns/" + id, admin).json().get("advertiser").asString()).isEqualTo("Digicel");
        assertThat(jdbc.queryForObject("select actor_id from audit_log where target = ? and action = ?",
                String.class, "ad-campaign:" + id, "ad.campaign.created")).isEqualTo(adminId.toString());
    }

    @Test
    void onlyAdminsManageCampaigns() {
        TestHttp.Response asViewer = post("/api/ads/campaigns", campaignJson("Digicel", "{}", null), viewer());

        assertThat(asViewer.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from ad_campaigns", Long.class)).isZero();
    }

    @Test
    void moneyAndFlightMistakesAreNamedFieldByFieldAndNothingIsWritten() {
        String json = """
                {"advertiser":"Digicel","name":"Bad","startsAt":"%s","endsAt":"%s","currency":"PGK",
                 "totalBudget":0,"dailyBudget":-5,"cpm":0}""".formatted(now, now.minusSeconds(60));

        TestHttp.Response refused = post("/api/ads/campaigns", json, admin);

        assertProblem(refused, 400, "validation-failed");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("endsAt", "totalBudget", "dailyBudget", "cpm");
        assertThat(jdbc.queryForObject("select count(*) from ad_campaigns", Long.class)).isZero();
    }

    @Test
    void unknownTerritoryGenreRatingAndDaypartAreRefused() {
        TestHttp.Response refused = post("/api/ads/campaigns", campaignJson("Digicel", """
                {"territories":["PG","XX"],"genres":["telenovela"],"maturityRatings":["NC17"],
                 "deviceTypes":["FRIDGE"],"dayparts":["25:00-26:00"]}""", null), admin);

        assertProblem(refused, 400, "validation-failed");
        List<String> messages = new ArrayList<>();
        refused.json().get("errors").forEach(e -> messages.add(e.get("field").asString() + " "
                + e.get("message").asString()));
        assertThat(messages).anyMatch(m -> m.startsWith("targeting.territories") && m.contains("XX"))
                .anyMatch(m -> m.startsWith("targeting.genres") && m.contains("telenovela"))
                .anyMatch(m -> m.startsWith("targeting.maturityRatings"))
                .anyMatch(m -> m.startsWith("targeting.deviceTypes"))
                .anyMatch(m -> m.startsWith("targeting.dayparts"));
    }

    @Test
    void aCampaignStartsServingOnlyWithAConfirmedCreativeAndPausesAndEndsByName() {
        UUID id = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());

        assertProblem(post("/api/ads/campaigns/" + id + "/activate", "", admin), 409, "campaign-transition-refused");

        readyCreative(id, "Digicel 15s", 15_000, null);
        assertThat(post("/api/ads/campaigns/" + id + "/activate", "", admin).json().get("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(post("/api/ads/campaigns/" + id + "/pause", "", admin).json().get("status").asString())
                .isEqualTo("PAUSED");
        assertThat(post("/api/ads/campaigns/" + id + "/end", "", admin).json().get("status").asString())
                .isEqualTo("ENDED");
        assertProblem(post("/api/ads/campaigns/" + id + "/activate", "", admin), 409, "campaign-transition-refused");
        assertProblem(send("PATCH", "/api/ads/campaigns/" + id, "{\"cpm\":100}", admin, "Content-Type",
                "application/json", "If-Match", etag(id)), 409, "campaign-not-editable");
    }

    @Test
    void anEditKeepsTheMoneyRules() {
        UUID id = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());

        String first = etag(id);
        TestHttp.Response edited = send("PATCH", "/api/ads/campaigns/" + id, "{\"cpm\":7500,\"priority\":9}", admin,
                "Content-Type", "application/json", "If-Match", first);
        assertThat(edited.json().get("cpm").asLong()).isEqualTo(7500);
        assertThat(edited.json().get("version").asLong()).isEqualTo(1);
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");

        assertProblem(send("PATCH", "/api/ads/campaigns/" + id, "{\"dailyBudget\":2000000}", admin, "Content-Type",
                "application/json", "If-Match", etag(id)), 400, "validation-failed");
    }

    @Test
    void anEditNamesTheVersionItWasMadeAgainstSoTwoAdminsNeverOverwriteEachOther() {
        UUID id = UUID.fromString(createCampaign(campaignJson("Digicel", "{}", null)).get("id").asString());
        String seenByBoth = etag(id);
        assertThat(send("PATCH", "/api/ads/campaigns/" + id, "{\"cpm\":6000}", admin, "Content-Type",
                "application/json", "If-Match", seenByBoth).status()).isEqualTo(200);

        assertProblem(send("PATCH", "/api/ads/campaigns/" + id, "{\"cpm\":9000}", admin, "Content-Type",
                "application/json", "If-Match", seenByBoth), 412, "version-mismatch");
        assertProblem(send("PATCH", "/api/ads/campaigns/" + id, "{\"cpm\":9000}", admin, "Content-Type",
                "application/json"), 428, "precondition-required");
        assertThat(get("/api/ads/campaigns/" + id, admin).json().get("cpm").asLong()).isEqualTo(6000);
    }

    private String etag(UUID campaignId) {
        return get("/api/ads/campaigns/" + campaignId, admin).header("ETag");
    }

    @Test
    void aFlightThatIsOverEndsTheCampaign() {
        UUID id = activeCampaign(campaignJson("Digicel", "{}", null));

        clock.set(now.plus(java.time.Duration.ofDays(31)));
        book.onSchedule();

        assertThat(get("/api/ads/campaigns/" + id, admin).json().get("status").asString()).isEqualTo("ENDED");
    }
}
