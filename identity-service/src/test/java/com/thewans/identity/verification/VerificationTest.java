package com.thewans.identity.verification;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

import tools.jackson.databind.JsonNode;

class VerificationTest extends IdentityTestSupport {

    private static final String REQUESTED = "identity.verification_requested";

    @Test
    void registeringPublishesAVerificationCodeForEachContactThroughTheOutbox() {
        String email = IdentityApi.uniqueEmail();
        String phone = IdentityApi.uniquePhone();
        var registered = api.post("/api/auth/register", map("email", email, "phone", phone, "password", PASSWORD));
        UUID userId = UUID.fromString(registered.json().get("id").asString());

        List<JsonNode> events = eventsAbout(REQUESTED, userId);

        assertThat(events).hasSize(2);
        JsonNode byEmail = events.stream().filter(e -> e.get("channel").asString().equals("EMAIL")).findFirst()
                .orElseThrow();
        JsonNode bySms = events.stream().filter(e -> e.get("channel").asString().equals("SMS")).findFirst()
                .orElseThrow();
        assertThat(byEmail.get("destination").asString()).isEqualTo(email);
        assertThat(byEmail.get("code").asString()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(bySms.get("destination").asString()).isEqualTo(phone);
        assertThat(bySms.get("code").asString()).matches("[0-9]{6}");
        Instant expiresAt = Instant.parse(bySms.get("expiresAt").asString());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        assertThat(eventsAbout("identity.user_registered", userId)).hasSize(1);
    }

    @Test
    void theCodeVerifiesTheContactOnceOnly() {
        String email = api.registerEmail();
        String code = lastCodeSentTo(REQUESTED, email);

        var confirmed = api.post("/api/auth/verification/confirm", map("destination", email, "code", code));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        assertThat(api.get("/api/auth/account", api.login(email)).json().get("emailVerified").asBoolean()).isTrue();
        var again = api.post("/api/auth/verification/confirm", map("destination", email, "code", code));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asString()).isEqualTo("invalid-code");
    }

    @Test
    void anSmsCodeVerifiesThePhone() {
        String phone = IdentityApi.uniquePhone();
        api.post("/api/auth/register", map("phone", phone, "password", PASSWORD));

        var confirmed = api.post("/api/auth/verification/confirm",
                map("destination", phone, "code", lastCodeSentTo(REQUESTED, phone)));

        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select phone_verified_at is not null from users where phone = ?",
                Boolean.class, phone)).isTrue();
    }

    @Test
    void fiveWrongCodesKillTheCode() {
        String phone = IdentityApi.uniquePhone();
        api.post("/api/auth/register", map("phone", phone, "password", PASSWORD));
        String code = lastCodeSentTo(REQUESTED, phone);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/verification/confirm", map("destination", phone, "code", wrong)).status())
                    .isEqualTo(400);
        }

        var right = api.post("/api/auth/verification/confirm", map("destination", phone, "code", code));
        assertThat(right.status()).as("the right code after five wrong ones").isEqualTo(400);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String email = api.registerEmail();
        jdbc.update("update one_time_codes set expires_at = now() - interval '1 second' where destination = ?", email);

        var refused = api.post("/api/auth/verification/confirm",
                map("destination", email, "code", lastCodeSentTo(REQUESTED, email)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalid-code");
    }

    @Test
    void askingForANewCodeReplacesTheOldOne() {
        String email = api.registerEmail();
        String old = lastCodeSentTo(REQUESTED, email);
        var tokens = api.login(email);

        var requested = api.post("/api/auth/verification/request", map("channel", "EMAIL"), tokens);

        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().get("destination").asString()).isEqualTo(email);
        String fresh = lastCodeSentTo(REQUESTED, email);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(api.post("/api/auth/verification/confirm", map("destination", email, "code", old)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/auth/verification/confirm", map("destination", email, "code", fresh)).status())
                .isEqualTo(204);
        var verifiedAlready = api.post("/api/auth/verification/request", map("channel", "EMAIL"), tokens);
        assertThat(verifiedAlready.status()).isEqualTo(409);
    }

    @Test
    void codeRequestsAreLimited() {
        var tokens = api.newViewer();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/auth/verification/request", map("channel", "EMAIL"), tokens).status())
                    .isEqualTo(202);
        }

        var limited = api.post("/api/auth/verification/request", map("channel", "EMAIL"), tokens);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        var noPhone = api.post("/api/auth/verification/request", map("channel", "SMS"), tokens);
        assertThat(noPhone.status()).isEqualTo(409);
        assertThat(noPhone.json().get("code").asString()).isEqualTo("no-such-contact");
    }

    @Test
    void codesAreStoredOnlyAsKeyedHashes() throws Exception {
        String email = api.registerEmail();
        String code = lastCodeSentTo(REQUESTED, email);

        byte[] stored = jdbc.queryForObject("select code_hash from one_time_codes where destination = ?",
                byte[].class, email);

        assertThat(stored).isNotEqualTo(code.getBytes(StandardCharsets.UTF_8))
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCodeForAnUnknownDestinationGetsTheSameRefusal() {
        var refused = api.post("/api/auth/verification/confirm",
                map("destination", IdentityApi.uniqueEmail(), "code", "123456"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalid-code");
    }
}
