package com.thewans.identity.account;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.thewans.testkit.TestHttp;
import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

class AccountRegistrationTest extends IdentityTestSupport {

    @Test
    void registeringWithAnEmailStoresItInLowerCaseAsAViewer() {
        String email = IdentityApi.uniqueEmail();
        var response = api.post("/api/auth/register",
                map("email", "  " + email.toUpperCase(Locale.ROOT) + " ", "password", PASSWORD));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("email").asString()).isEqualTo(email);
        assertThat(response.json().get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(response.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void registeringWithAPhoneNumberNormalisesItToE164() {
        String phone = IdentityApi.uniquePhone();
        String typed = phone.substring(0, 4) + " " + phone.substring(4, 8) + "-" + phone.substring(8);

        var response = api.post("/api/auth/register", map("phone", typed, "password", PASSWORD));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("phone").asString()).isEqualTo(phone);
        var login = api.tryLogin(map("phone", phone, "password", PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    @Test
    void anEmailCannotBeRegisteredTwiceWhateverItsCase() {
        String email = api.registerEmail();

        var again = api.post("/api/auth/register",
                map("email", email.toUpperCase(Locale.ROOT), "password", "Another-password-7"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("account-exists");
    }

    @Test
    void twoSimultaneousRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String email = IdentityApi.uniqueEmail();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<TestHttp.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> api.post("/api/auth/register", map("email", email, "password", PASSWORD)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestHttp.Response> f : pool.invokeAll(attempts)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void weakPasswordsAreRefusedNamingEveryRuleTheyBreak() {
        String email = IdentityApi.uniqueEmail();
        String localPart = email.substring(0, email.indexOf('@'));

        assertWeak(email, "Short-1", "10 to 128 characters");
        assertWeak(email, "12345678901234", "two kinds of character");
        assertWeak(email, "Password123", "most common passwords");
        assertWeak(email, "X" + localPart + "-2026", "email or phone");
        assertWeak(email, "Aa1-".repeat(33), "10 to 128 characters");
        assertThat(jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email)).isZero();
    }

    private void assertWeak(String email, String password, String reason) {
        var response = api.post("/api/auth/register", map("email", email, "password", password));
        assertThat(response.status()).as(password).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("weak-password");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(response.json().get("detail").asString()).contains(reason);
    }

    @Test
    void passwordsAreStoredOnlyAsArgon2idHashes() {
        String email = api.registerEmail();

        String stored = jdbc.queryForObject("select password_hash from users where email = ?", String.class, email);

        assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void anEmailOrPhoneOfTheWrongShapeIsAFieldProblem() {
        var badEmail = api.post("/api/auth/register", map("email", "not-an-email", "password", PASSWORD));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("code").asString()).isEqualTo("validation-failed");
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        var badPhone = api.post("/api/auth/register", map("phone", "71234567", "password", PASSWORD));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");

        var neither = api.post("/api/auth/register", map("password", PASSWORD));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("code").asString()).isEqualTo("validation-failed");
    }

    @Test
    void unknownFieldsAndOversizedValuesAreRefusedByName() {
        var unknown = api.post("/api/auth/register",
                map("email", IdentityApi.uniqueEmail(), "password", PASSWORD, "role", "ADMIN"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("role");

        var oversized = api.post("/api/auth/register",
                map("email", "a".repeat(300) + "@example.com", "password", PASSWORD));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        var notJson = api.post("/api/auth/register", "{\"email\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theOwnerSeesTheirAccount() {
        String email = api.registerEmail();
        var tokens = api.login(email);

        var account = api.get("/api/auth/account", tokens);

        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().get("email").asString()).isEqualTo(email);
        assertThat(account.json().get("id").asString()).isEqualTo(tokens.userId().toString());
    }
}
