package com.thewans.identity.creator;

import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

class CreatorApplicationTest extends IdentityTestSupport {

    private static final String PITCH = "I make short documentaries about the Sepik river and its carvers.";

    @Test
    void aViewerAppliesAndAnApprovalMakesThemACreator() {
        var admin = newAdmin();
        var viewer = api.newViewer();

        var applied = api.post("/api/auth/creator-applications",
                map("pitch", PITCH, "portfolioUrl", "https://example.com/sepik"), viewer);

        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
        String id = applied.json().get("id").asString();
        var pending = api.get("/api/auth/creator-applications?status=PENDING&size=100", admin);
        assertThat(pending.body()).contains(id);

        var approved = api.post("/api/auth/creator-applications/" + id + "/approve", map("note", "Welcome"), admin);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        var refreshed = IdentityApi.tokens(api.post("/api/auth/refresh", map("refreshToken", viewer.refreshToken())));
        assertThat(api.get("/api/auth/verify", refreshed).json().get("roles").toString()).contains("CREATOR");
        assertThat(audited("identity.creator_application_approved", viewer.userId())).isEqualTo(1);
        assertThat(audited("identity.roles_changed", viewer.userId())).isEqualTo(1);
        assertThat(api.get("/api/auth/creator-applications/mine", viewer).json().get(0).get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(api.post("/api/auth/creator-applications", map("pitch", PITCH), refreshed).status())
                .as("a creator does not apply again").isEqualTo(409);
    }

    @Test
    void aSecondApplicationWaitsForTheFirstDecision() {
        var viewer = api.newViewer();
        api.post("/api/auth/creator-applications", map("pitch", PITCH), viewer);

        var second = api.post("/api/auth/creator-applications", map("pitch", PITCH), viewer);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("application-pending");
    }

    @Test
    void aRejectionLeavesTheRolesAndTheApplicantMayApplyAgain() {
        var admin = newAdmin();
        var viewer = api.newViewer();
        String id = api.post("/api/auth/creator-applications", map("pitch", PITCH), viewer).json().get("id").asString();

        var rejected = api.post("/api/auth/creator-applications/" + id + "/reject", null, admin);

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select roles from users where id = ?", String.class, viewer.userId()))
                .isEqualTo("VIEWER");
        assertThat(audited("identity.creator_application_rejected", viewer.userId())).isEqualTo(1);
        assertThat(api.post("/api/auth/creator-applications/" + id + "/approve", null, admin).status())
                .as("a decided application stays decided").isEqualTo(409);
        assertThat(api.post("/api/auth/creator-applications", map("pitch", PITCH), viewer).status()).isEqualTo(201);
    }

    @Test
    void onlyAdministratorsListOrDecide() {
        var viewer = api.newViewer();
        String id = api.post("/api/auth/creator-applications", map("pitch", PITCH), viewer).json().get("id").asString();

        assertThat(api.get("/api/auth/creator-applications", viewer).status()).isEqualTo(403);
        assertThat(api.post("/api/auth/creator-applications/" + id + "/approve", null, viewer).status()).isEqualTo(403);
        assertThat(api.post("/api/auth/creator-applications", map("pitch", PITCH)).status()).isEqualTo(401);
    }

    @Test
    void aPitchMustSaySomethingButNotTooMuch() {
        var viewer = api.newViewer();

        assertThat(api.post("/api/auth/creator-applications", map("pitch", "Hi"), viewer).status()).isEqualTo(400);
        assertThat(api.post("/api/auth/creator-applications", map("pitch", "x".repeat(1001)), viewer).status())
                .isEqualTo(400);
        assertThat(api.post("/api/auth/creator-applications", map("pitch", PITCH, "portfolioUrl", "javascript:x"),
                viewer).status()).isEqualTo(400);
    }

    @Test
    void anUnknownApplicationOrStatusIsAClearProblem() {
        var admin = newAdmin();

        assertThat(api.post("/api/auth/creator-applications/" + UUID.randomUUID() + "/approve", null, admin).status())
                .isEqualTo(404);
        assertThat(api.get("/api/auth/creator-applications?status=MAYBE", admin).status()).isEqualTo(400);
    }

    private int audited(String action, UUID target) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and target = ?", Integer.class,
                action, target.toString());
    }
}
