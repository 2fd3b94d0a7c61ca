package com.thewans.payment.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.thewans.payment.PaymentTestSupport;

import tools.jackson.databind.JsonNode;

class PlanTest extends PaymentTestSupport {

    private static List<String> codes(JsonNode plans) {
        List<String> codes = new ArrayList<>();
        plans.forEach(p -> codes.add(p.get("code").asString()));
        return codes;
    }

    @Test
    void theThreeLaunchPlansAreOnSaleToAnyoneCheapestFirst() {
        var plans = get("/api/plans", null);

        assertThat(plans.status()).isEqualTo(200);
        assertThat(codes(plans.json())).startsWith("basic", "standard", "premium-yearly");
        JsonNode basic = plans.json().get(0);
        assertThat(basic.get("maxQuality").asString()).isEqualTo("480p");
        assertThat(basic.get("withAds").asBoolean()).isTrue();
        assertThat(basic.get("maxStreams").asInt()).isEqualTo(1);
        assertThat(basic.get("prices").toString()).contains("\"display\":\"K 15.00\"");
        assertThat(get("/api/plans/premium-yearly", null).json().get("interval").asString()).isEqualTo("YEAR");
        assertProblem(get("/api/plans/gold", null), 404, "plan-not-found");
    }

    @Test
    void adminsAddPlansAndARetiredPlanLeavesTheShopWindow() {
        String code = "family-" + System.nanoTime();
        var created = post("/api/plans", """
                {"code": "%s", "name": "Family", "interval": "MONTH", "trialDays": 7, "maxStreams": 4,
                 "maxQuality": "1080p", "withAds": false,
                 "prices": [{"amount": 4900, "currency": "PGK"}, {"amount": 1299, "currency": "USD"}]}""".formatted(code),
                admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(codes(get("/api/plans", null).json())).contains(code);

        assertThat(post("/api/plans/" + code + "/retire", null, admin).json().get("retiredAt").isNull()).isFalse();

        assertThat(codes(get("/api/plans", null).json())).doesNotContain(code);
        assertThat(codes(get("/api/plans?retired=true", admin).json())).contains(code);
        assertThat(get("/api/plans/" + code, null).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where target = ?", Integer.class,
                "plan:" + code)).isEqualTo(2);
    }

    @Test
    void badPlansAreRefusedAndOnlyAdminsMayAddThem() {
        String good = """
                {"code": "%s", "name": "X", "interval": "MONTH", "trialDays": 0, "maxStreams": 1,
                 "maxQuality": "720p", "withAds": true, "prices": [{"amount": 100, "currency": "PGK"}]}""";
        assertProblem(post("/api/plans", good.formatted("viewer-plan"), viewer), 403, "forbidden");
        assertProblem(post("/api/plans", good.formatted("basic"), admin), 409, "plan-exists");
        assertProblem(post("/api/plans", good.formatted("Bad Code"), admin), 400, "validation-failed");
        assertProblem(post("/api/plans", good.formatted("x").replace("720p", "8k"), admin), 400, "validation-failed");
        assertProblem(post("/api/plans", good.formatted("y").replace("\"amount\": 100", "\"amount\": -1"), admin), 400,
                "validation-failed");
        assertProblem(post("/api/plans", good.formatted("z").replace("\"PGK\"", "\"EUR\""), admin), 400,
                "validation-failed");
        assertProblem(post("/api/plans", good.formatted("w").replace("MONTH", "WEEK"), admin), 400,
                "validation-failed");
    }
}
