package com.thewans.identity.profile;

import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.thewans.identity.IdentityTestSupport;

import tools.jackson.databind.JsonNode;

class ProfileTest extends IdentityTestSupport {

    @Test
    void aNewAccountHasADefaultProfile() {
        String email = api.registerEmail();
        var tokens = api.login(email);

        var profile = api.get("/api/profile", tokens);

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("displayName").asString()).isEqualTo(email.substring(0, email.indexOf('@')));
        assertThat(profile.json().get("language").asString()).isEqualTo("en");
        assertThat(profile.json().get("maturityLimit").asString()).isEqualTo("R18");
        assertThat(profile.json().get("preferredGenres").size()).isZero();
    }

    @Test
    void savingTheProfileReplacesItAndItIsReadBack() {
        var tokens = api.newViewer();

        var saved = api.post("/api/profile", map("displayName", "Grace from Lae", "avatarKey", "avatars/grace.jpg",
                "country", "PG", "language", "tpi", "preferredGenres", List.of("Documentary", "Drama", "Drama"),
                "maturityLimit", "M"), tokens);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode read = api.get("/api/profile", tokens).json();
        assertThat(read.get("displayName").asString()).isEqualTo("Grace from Lae");
        assertThat(read.get("avatarKey").asString()).isEqualTo("avatars/grace.jpg");
        assertThat(read.get("country").asString()).isEqualTo("PG");
        assertThat(read.get("language").asString()).isEqualTo("tpi");
        assertThat(read.get("preferredGenres").toString()).isEqualTo("[\"Documentary\",\"Drama\"]");
        assertThat(read.get("maturityLimit").asString()).isEqualTo("M");

        api.post("/api/profile", map("displayName", "Grace"), tokens);
        JsonNode cleared = api.get("/api/profile", tokens).json();
        assertThat(cleared.get("country").isNull()).isTrue();
        assertThat(cleared.get("language").asString()).isEqualTo("en");
    }

    @Test
    void invalidValuesAreRefusedWithEveryOffendingField() {
        var tokens = api.newViewer();
        List<String> tooManyGenres = new ArrayList<>(Collections.nCopies(21, "Drama"));

        var refused = api.post("/api/profile", map("displayName", " ", "avatarKey", "../../etc/passwd",
                "country", "XX", "language", "de", "preferredGenres", tooManyGenres), tokens);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("validation-failed");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("displayName", "avatarKey", "country", "language", "preferredGenres");
        assertThat(api.get("/api/profile", tokens).json().get("language").asString()).isEqualTo("en");
    }

    @Test
    void aCountryMustBeAnIso3166Alpha2Code() {
        var tokens = api.newViewer();

        assertThat(api.post("/api/profile", map("displayName", "A", "country", "FJ"), tokens).status()).isEqualTo(200);
        assertThat(api.post("/api/profile", map("displayName", "A", "country", "PNG"), tokens).status()).isEqualTo(400);
        assertThat(api.post("/api/profile", map("displayName", "A", "country", "pg"), tokens).status()).isEqualTo(400);
    }

    @Test
    void anUnknownMaturityRatingOrFieldIsNamedInTheProblem() {
        var tokens = api.newViewer();

        var badRating = api.post("/api/profile", map("displayName", "A", "maturityLimit", "X18"), tokens);
        assertThat(badRating.status()).isEqualTo(400);
        assertThat(badRating.json().get("errors").get(0).get("field").asString()).isEqualTo("maturityLimit");
        assertThat(badRating.json().get("errors").get(0).get("message").asString()).contains("G", "PG", "R18");

        var unknownField = api.post("/api/profile", map("displayName", "A", "favouriteColour", "blue"), tokens);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("favouriteColour");

        var longGenre = api.post("/api/profile", map("displayName", "A", "preferredGenres", List.of("x".repeat(41))),
                tokens);
        assertThat(longGenre.status()).isEqualTo(400);
    }

    @Test
    void theProfileNeedsASignedInUser() {
        assertThat(api.get("/api/profile").status()).isEqualTo(401);
        assertThat(api.post("/api/profile", map("displayName", "A")).status()).isEqualTo(401);
    }
}
