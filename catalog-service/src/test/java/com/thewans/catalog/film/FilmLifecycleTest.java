package com.thewans.catalog.film;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.catalog.CatalogTestSupport;
import com.thewans.common.audit.AuditLog;
import com.thewans.common.security.Role;
import com.thewans.testkit.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

class FilmLifecycleTest extends CatalogTestSupport {

    @Autowired
    AuditLog audit;

    @Test
    void aCreatorsNewFilmIsADraftThatOnlyTheOwnerAndAdminsCanSee() {
        var film = createFilm(creator, filmJson("Sing Sing Bilong Hagen", "Clans gather in the highlands."));
        String id = film.get("id").asString();

        assertThat(film.get("status").asString()).isEqualTo("DRAFT");
        assertThat(film.get("creatorId").asString()).isEqualTo(creatorId.toString());
        assertThat(film.get("version").asLong()).isEqualTo(1);
        assertThat(film.get("slug").asString()).startsWith("sing-sing-bilong-hagen");
        assertThat(film.get("genres").get(0).get("slug").asString()).isEqualTo("drama");
        assertThat(film.get("credits").get("cast").get(0).get("character").asString()).isEqualTo("Aunty Rose");

        assertThat(get("/api/films/" + id, creator).status()).isEqualTo(200);
        assertThat(get("/api/films/" + id, admin).status()).isEqualTo(200);
        assertProblem(get("/api/films/" + id, null), 404, "film-not-found");
        assertProblem(get("/api/films/" + id, viewer), 404, "film-not-found");
        assertProblem(get("/api/films/" + id, otherCreator), 404, "film-not-found");
        // transcoding checks the owner of a draft with its own service identity
        var asService = get("/api/films/" + id, TestTokens.forUser(UUID.randomUUID(), Role.SERVICE));
        assertThat(asService.status()).isEqualTo(200);
        assertThat(asService.json().get("creatorId").asString()).isEqualTo(creatorId.toString());
        assertProblem(patch("/api/films/" + id, "{\"title\": \"x\"}", TestTokens.forUser(UUID.randomUUID(),
                Role.SERVICE)), 403, "forbidden");
    }

    @Test
    void onlyCreatorsAndAdminsCreateFilms() {
        assertProblem(post("/api/films", filmJson("Viewer Film", "x"), viewer), 403, "forbidden");
        assertProblem(post("/api/films", filmJson("Anonymous Film", "x"), null), 401, "unauthorized");
        assertThat(post("/api/films", filmJson("Admin Film", "x"), admin).status()).isEqualTo(201);
    }

    @Test
    void publishingMakesTheFilmPublicAndArchivingHidesItAgain() {
        var film = createFilm(creator, filmJson("Tumbuna Road", "A road trip to the ancestors' village."));
        String id = film.get("id").asString();

        var published = post("/api/films/" + id + "/publish", null, creator);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedAt").isNull()).isFalse();
        assertThat(get("/api/films/" + id, null).status()).isEqualTo(200);
        assertThat(get("/api/films/" + id, viewer).json().get("creatorId").asString()).isEqualTo(creatorId.toString());

        assertProblem(post("/api/films/" + id + "/publish", null, creator), 409, "film-status-conflict");

        assertThat(post("/api/films/" + id + "/archive", null, creator).json().get("status").asString())
                .isEqualTo("ARCHIVED");
        assertProblem(get("/api/films/" + id, viewer), 404, "film-not-found");

        assertThat(eventsAbout("film.created", id)).hasSize(1);
        var publishedEvent = eventsAbout("film.published", id).get(0);
        assertThat(publishedEvent.get("creatorId").asString()).isEqualTo(creatorId.toString());
        assertThat(publishedEvent.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(publishedEvent.get("genres").get(0).asString()).isEqualTo("drama");
        assertThat(publishedEvent.get("languages").toString()).contains("tpi");
        assertThat(publishedEvent.get("runtimeMinutes").asInt()).isEqualTo(94);
        assertThat(eventsAbout("film.archived", id)).hasSize(1);
        assertThat(audit.forTarget("film:" + id, 10)).extracting(AuditLog.Entry::action)
                .contains("film.published", "film.archived");
    }

    @Test
    void aDraftWithoutSynopsisRuntimeOrYearCannotBePublished() {
        var film = createFilm(creator, """
                {"title": "Unfinished", "maturityRating": "G", "genres": ["short"]}""");

        var refused = post("/api/films/" + film.get("id").asString() + "/publish", null, creator);

        assertProblem(refused, 409, "film-incomplete");
        assertThat(refused.json().get("missing").toString()).contains("synopsis", "runtimeMinutes", "releaseYear");
    }

    @Test
    void anotherCreatorCannotEditPublishOrArchiveSomeoneElsesFilm() {
        var film = publishedFilm("Not Yours", "Someone else's film.");
        String id = film.get("id").asString();

        assertProblem(patch("/api/films/" + id, "{\"title\": \"Mine now\"}", otherCreator), 403, "forbidden");
        assertProblem(post("/api/films/" + id + "/archive", null, otherCreator), 403, "forbidden");
        assertProblem(patch("/api/films/" + id, "{\"title\": \"Mine now\"}", viewer), 403, "forbidden");
        assertThat(get("/api/films/" + id, null).json().get("title").asString()).isEqualTo("Not Yours");
    }

    @Test
    void anAdminMayEditAnyFilmAndThatIsAudited() {
        var film = publishedFilm("Needs A Fix", "Typo in the title.");
        String id = film.get("id").asString();

        var edited = patch("/api/films/" + id, "{\"title\": \"Needs a Fix\"}", admin);

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(audit.forTarget("film:" + id, 10)).extracting(AuditLog.Entry::action)
                .contains("film.edited-by-admin");
    }

    @Test
    void slugsAreUniqueAndStayWhenTheTitleChanges() {
        String title = "Same Title " + UUID.randomUUID().toString().substring(0, 8);
        var first = createFilm(creator, filmJson(title, "one"));
        var second = createFilm(creator, filmJson(title, "two"));

        assertThat(second.get("slug").asString()).isEqualTo(first.get("slug").asString() + "-2");
        var renamed = patch("/api/films/" + first.get("id").asString(), "{\"title\": \"Completely Different\"}",
                creator);
        assertThat(renamed.json().get("slug").asString()).isEqualTo(first.get("slug").asString());
    }

    @Test
    void invalidFilmsAreRefusedWithTheFieldsNamed() {
        var unknownRating = post("/api/films", """
                {"title": "X", "maturityRating": "NC17", "genres": ["drama"]}""", creator);
        assertProblem(unknownRating, 400, "validation-failed");
        assertThat(unknownRating.json().get("errors").get(0).get("field").asString()).isEqualTo("maturityRating");

        var badCodes = post("/api/films", """
                {"title": "X", "maturityRating": "G", "genres": ["drama"], "countries": ["XX"], "languages": ["zz"]}""",
                creator);
        assertProblem(badCodes, 400, "validation-failed");
        assertThat(badCodes.body()).contains("countries").contains("languages");

        var noTitle = post("/api/films", """
                {"maturityRating": "G", "genres": ["drama"]}""", creator);
        assertProblem(noTitle, 400, "validation-failed");
        assertThat(noTitle.json().get("errors").get(0).get("field").asString()).isEqualTo("title");

        var unknownGenre = post("/api/films", """
                {"title": "X", "maturityRating": "G", "genres": ["western"]}""", creator);
        assertProblem(unknownGenre, 400, "validation-failed");
        assertThat(unknownGenre.body()).contains("western");

        var unknownField = post("/api/films", """
                {"title": "X", "maturityRating": "G", "genres": ["drama"], "budget": 1000000}""", creator);
        assertProblem(unknownField, 400, "validation-failed");
        assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("budget");

        var tooLong = post("/api/films", filmJson("T".repeat(201), "x"), creator);
        assertProblem(tooLong, 400, "validation-failed");

        assertProblem(get("/api/films/not-a-uuid", null), 400, "validation-failed");
    }
}
