package com.thewans.identity.admin;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

import tools.jackson.databind.JsonNode;

class AdminUserTest extends IdentityTestSupport {

    @Test
    void administratorsFindAccountsByEmailPhoneOrName() {
        var admin = newAdmin();
        String email = api.registerEmail();
        String phone = IdentityApi.uniquePhone();
        api.post("/api/auth/register", map("phone", phone, "password", PASSWORD, "displayName", "Kila Tau Wemp"));

        assertThat(ids(api.get("/api/auth/admin/users?q=" + email.substring(0, 15).toUpperCase(), admin)))
                .contains(userIdOf(email).toString());
        assertThat(emails(api.get("/api/auth/admin/users?q=" + email, admin))).containsExactly(email);
        assertThat(phones(api.get("/api/auth/admin/users?q=%2B" + phone.substring(1), admin))).containsExactly(phone);
        var byName = api.get("/api/auth/admin/users?q=tau%20wemp", admin);
        assertThat(byName.json().get("items").get(0).get("displayName").asString()).isEqualTo("Kila Tau Wemp");
        assertThat(api.get("/api/auth/admin/users?q=%25", admin).json().get("totalItems").asLong())
                .as("a % is searched for, not a wildcard").isZero();
    }

    @Test
    void theUserListIsPagedWithABoundedSize() {
        var admin = newAdmin();
        api.registerEmail();

        var page = api.get("/api/auth/admin/users?size=1&page=0", admin);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isEqualTo(1);
        assertThat(page.json().get("size").asInt()).isEqualTo(1);
        assertThat(page.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/auth/admin/users?size=101", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/auth/admin/users?page=-1", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/auth/admin/users?q=" + "x".repeat(101), admin).status()).isEqualTo(400);
    }

    @Test
    void viewersCannotUseAdministration() {
        var viewer = api.newViewer();

        assertThat(api.get("/api/auth/admin/users", viewer).status()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/auth/admin/users/" + viewer.userId() + "/roles",
                map("roles", List.of("ADMIN")), "Authorization", "Bearer " + viewer.accessToken()).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select roles from users where id = ?", String.class, viewer.userId()))
                .isEqualTo("VIEWER");
    }

    @Test
    void aGrantedRoleIsAuditedPublishedAndArrivesWithTheNextRefresh() {
        var admin = newAdmin();
        var viewer = api.newViewer();

        var changed = putRoles(admin, viewer.userId(), "CREATOR");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"CREATOR\",\"VIEWER\"]");
        var refreshed = IdentityApi.tokens(api.post("/api/auth/refresh", map("refreshToken", viewer.refreshToken())));
        assertThat(api.get("/api/auth/verify", refreshed).json().get("roles").toString())
                .isEqualTo("[\"CREATOR\",\"VIEWER\"]");
        JsonNode audit = auditOf("identity.roles_changed", viewer.userId());
        assertThat(audit.get("actorId").asString()).isEqualTo(admin.userId().toString());
        assertThat(audit.get("details").asString()).contains("CREATOR");
        JsonNode event = eventsAbout("identity.roles_changed", viewer.userId()).get(0);
        assertThat(event.get("roles").toString()).isEqualTo("[\"CREATOR\",\"VIEWER\"]");
        assertThat(event.get("previousRoles").toString()).isEqualTo("[\"VIEWER\"]");
    }

    @Test
    void takingARoleAwayEndsTheAccountsSessions() {
        var admin = newAdmin();
        var other = newAdmin();

        putRoles(admin, other.userId(), "VIEWER");

        assertThat(api.get("/api/auth/verify", other).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/admin/users", other).status()).isEqualTo(401);
    }

    @Test
    void rolesOutsideThePeoplesRolesAreRefused() {
        var admin = newAdmin();
        var viewer = api.newViewer();

        var service = putRoles(admin, viewer.userId(), "SERVICE");
        var unknown = putRoles(admin, viewer.userId(), "KING");

        assertThat(service.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("ADMIN");
        assertThat(jdbc.queryForObject("select roles from users where id = ?", String.class, viewer.userId()))
                .isEqualTo("VIEWER");
    }

    @Test
    void administratorsCannotDemoteOrDisableThemselves() {
        var admin = newAdmin();

        assertThat(putRoles(admin, admin.userId(), "VIEWER").status()).isEqualTo(409);
        assertThat(api.post("/api/auth/admin/users/" + admin.userId() + "/disable", map("reason", "oops"), admin)
                .status()).isEqualTo(409);
    }

    @Test
    void aDisabledAccountIsSignedOutAndCannotSignInOrRefreshUntilEnabled() {
        var admin = newAdmin();
        String email = api.registerEmail();
        var viewer = api.login(email);

        var disabled = api.post("/api/auth/admin/users/" + viewer.userId() + "/disable",
                map("reason", "Chargeback fraud under investigation"), admin);

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        assertThat(redis.hasKey("revoked-session:" + viewer.sessionId())).isTrue();
        assertThat(api.get("/api/auth/verify", viewer).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", map("refreshToken", viewer.refreshToken())).status()).isEqualTo(401);
        var login = api.tryLogin(map("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.json().get("code").asString()).isEqualTo("account-disabled");
        assertThat(auditOf("identity.account_disabled", viewer.userId()).get("details").asString())
                .contains("Chargeback");
        assertThat(api.post("/api/auth/admin/users/" + viewer.userId() + "/disable", map("reason", "again"), admin)
                .status()).isEqualTo(409);

        var enabled = api.post("/api/auth/admin/users/" + viewer.userId() + "/enable", null, admin);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(api.tryLogin(map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(auditOf("identity.account_enabled", viewer.userId()).get("actorId").asString())
                .isEqualTo(admin.userId().toString());
    }

    @Test
    void anUnknownAccountIsNotFound() {
        var admin = newAdmin();

        assertThat(api.get("/api/auth/admin/users/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
        assertThat(api.post("/api/auth/admin/users/" + UUID.randomUUID() + "/enable", null, admin).status())
                .isEqualTo(404);
    }

    private com.thewans.testkit.TestHttp.Response putRoles(IdentityApi.Tokens admin, UUID userId,
            String... roles) {
        return api.send("PUT", "/api/auth/admin/users/" + userId + "/roles", map("roles", List.of(roles)),
                "Authorization", "Bearer " + admin.accessToken());
    }

    private JsonNode auditOf(String action, UUID target) {
        var rows = jdbc.queryForList("""
                select actor_id as "actorId", details::text as details from audit_log
                where action = ? and target = ? order by occurred_at desc""", action, target.toString());
        assertThat(rows).as("audit " + action).isNotEmpty();
        return IdentityApi.JSON.valueToTree(rows.get(0));
    }

    private static List<String> ids(com.thewans.testkit.TestHttp.Response page) {
        return values(page, "id");
    }

    private static List<String> emails(com.thewans.testkit.TestHttp.Response page) {
        return values(page, "email");
    }

    private static List<String> phones(com.thewans.testkit.TestHttp.Response page) {
        return values(page, "phone");
    }

    private static List<String> values(com.thewans.testkit.TestHttp.Response page, String field) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> values = new java.util.ArrayList<>();
        page.json().get("items").forEach(item -> values.add(item.get(field).asString()));
        return values;
    }
}
