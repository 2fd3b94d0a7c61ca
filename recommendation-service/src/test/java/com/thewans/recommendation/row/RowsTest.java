package com.thewans.recommendation.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.recommendation.RecommendationTestSupport;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

class RowsTest extends RecommendationTestSupport {

    @Test
    void forYouRecommendsAnotherFilmOfTheGenreWatchedAndLeavesOutFinishedAndUnavailableFilms() {
        Viewer kila = viewer("WS", "en", "R18");
        UUID watched = watchableFilm("Sepik Nights", "drama", "en", "PG", "WS");
        UUID anotherDrama = watchableFilm("River Mouth", "drama", "en", "PG", "WS");
        UUID comedy = watchableFilm("Market Day", "comedy", "en", "PG", "WS");
        UUID elsewhere = watchableFilm("Only In Fiji", "drama", "en", "PG", "FJ");
        UUID closed = film("Window Closed", "drama", "en", "PG");
        windowClosed(window(closed, "SVOD", "WS"), closed, "SVOD");
        UUID inCinemas = film("Big Screen Only", "drama", "en", "PG");
        window(inCinemas, "CINEMA", "WS");
        watch(kila, watched, "WS", now.minus(Duration.ofHours(2)), 6000, 5900, true);
        recomputed();

        JsonNode row = row(kila, "for-you").json();
        assertThat(ids(row)).startsWith(anotherDrama).contains(comedy)
                .doesNotContain(watched, elsewhere, closed, inCinemas);
        JsonNode first = item(row, anotherDrama);
        assertThat(first.get("reason").get("kind").asString()).isEqualTo("BECAUSE_YOU_WATCHED");
        assertThat(first.get("reason").get("text").asString()).isEqualTo("Because you watched Sepik Nights");
        assertThat(first.get("offers").get(0).asString()).isEqualTo("SUBSCRIPTION");
        assertThat(row.get("territory").asString()).isEqualTo("WS");
        assertThat(row.get("items")).allSatisfy(item -> assertThat(item.get("reason").get("text").asString())
                .isNotBlank());
    }

    @Test
    void rowsShowOnlyWhatTheViewersTerritoryAndMaturityAllow() {
        Viewer child = viewer("TO", "en", "PG");
        UUID family = watchableFilm("Reef Friends", "family", "en", "G", "TO", "VU");
        UUID adult = watchableFilm("Night Raid", "thriller", "en", "R18", "TO", "VU");
        UUID vanuatuOnly = watchableFilm("Tanna Fire", "family", "en", "PG", "VU");
        UUID freeWithAds = film("Free Cartoon", "animation", "en", "G");
        window(freeWithAds, "AVOD");
        recomputed();

        JsonNode inTonga = row(child, "latest").json();
        assertThat(ids(inTonga)).contains(family, freeWithAds).doesNotContain(adult, vanuatuOnly);
        assertThat(item(inTonga, freeWithAds).get("offers").get(0).asString()).isEqualTo("WATCH_FREE_WITH_ADS");
        // the edge says the viewer is in Vanuatu now: Vanuatu's windows, the same maturity limit
        JsonNode inVanuatu = row(child, "latest", "CF-IPCountry", "VU").json();
        assertThat(inVanuatu.get("territory").asString()).isEqualTo("VU");
        assertThat(ids(inVanuatu)).contains(family, vanuatuOnly).doesNotContain(adult);
        assertThat(ids(row(viewer("TO", "en", "R18"), "latest").json())).contains(adult);
    }

    @Test
    void aNewViewerGetsWhatIsPopularHereInTheirLanguage() {
        UUID popular = watchableFilm("Everyone Saw It", "action", "en", "PG", "SB");
        UUID inTokPisin = watchableFilm("Tok Pisin Story", "drama", "tpi", "PG", "SB");
        UUID quiet = watchableFilm("Quiet One", "documentary", "en", "PG", "SB");
        for (int i = 0; i < 3; i++) {
            watch(viewer("SB", "en", "R18"), popular, "SB", now.minusSeconds(600), 60, 60, false);
        }
        recomputed();

        JsonNode row = row(viewer("SB", "tpi", "R18"), "for-you").json();
        // popularity leads; among films nobody here watched yet, the viewer's language comes first
        assertThat(ids(row)).containsExactly(popular, inTokPisin, quiet);
        assertThat(item(row, inTokPisin).get("reason").get("text").asString())
                .isEqualTo("Popular in SB, in Tok Pisin");
        assertThat(item(row, popular).get("reason").get("text").asString()).isEqualTo("Popular in SB");
    }

    @Test
    void continueWatchingListsStartedUnfinishedFilmsMostRecentFirstWithTheirPosition() {
        Viewer viewer = viewer("KI", "en", "R18");
        UUID older = watchableFilm("Older Start", "drama", "en", "PG", "KI");
        UUID newer = watchableFilm("Newer Start", "drama", "en", "PG", "KI");
        UUID done = watchableFilm("All Done", "drama", "en", "PG", "KI");
        watch(viewer, older, "KI", now.minus(Duration.ofDays(2)), 600, 600, false);
        watch(viewer, newer, "KI", now.minus(Duration.ofHours(3)), 754, 754, false);
        watch(viewer, done, "KI", now.minus(Duration.ofHours(1)), 6000, 5990, true);
        awaitEvents();

        JsonNode row = row(viewer, "continue-watching").json();
        assertThat(ids(row)).containsExactly(newer, older);
        assertThat(item(row, newer).get("positionSeconds").asInt()).isEqualTo(754);
        assertThat(item(row, newer).get("reason").get("text").asString()).isEqualTo("Continue from 12:34");
    }

    @Test
    void aWatchEndsTheViewersCachedRows() {
        Viewer viewer = viewer("NR", "en", "R18");
        UUID first = watchableFilm("First Pick", "drama", "en", "PG", "NR");
        UUID second = watchableFilm("Second Pick", "drama", "en", "PG", "NR");
        awaitEvents();
        assertThat(ids(row(viewer, "for-you").json())).contains(first, second);

        // the row is served from Redis: a change the service was not told about does not show
        jdbc.update("update rec_film set title = 'Renamed Quietly' where film_id = ?", first);
        assertThat(item(row(viewer, "for-you").json(), first).get("title").asString()).isEqualTo("First Pick");

        watch(viewer, second, "NR", now.minusSeconds(60), 6000, 5990, true);
        awaitEvents();
        JsonNode after = row(viewer, "for-you").json();
        assertThat(ids(after)).doesNotContain(second);
        assertThat(item(after, first).get("title").asString()).isEqualTo("Renamed Quietly");
        assertThat(item(after, first).get("reason").get("text").asString()).isEqualTo("Because you watched Second Pick");
    }

    @Test
    void aViewerMayNotReadAnotherViewersRowsButAnAdminMay() {
        Viewer owner = viewer("TV", "en", "R18");
        UUID film = watchableFilm("Funafuti Tide", "drama", "en", "PG", "TV");
        watch(owner, film, "TV", now.minusSeconds(300), 100, 100, false);
        awaitEvents();
        assertThat(ids(row(owner, "continue-watching").json())).containsExactly(film);

        Viewer nosy = viewer("TV", "en", "R18");
        assertProblem(row(nosy, "continue-watching?userId=" + owner.id()), 403, "rows-of-another-viewer");
        assertProblem(row(nosy, "for-you?userId=" + owner.id()), 403, "rows-of-another-viewer");

        String admin = TestTokens.admin(UUID.randomUUID());
        var asAdmin = get("/api/recommend/continue-watching?userId=" + owner.id(), admin, "CF-IPCountry", "TV");
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);
        assertThat(ids(asAdmin.json())).containsExactly(film);
    }

    @Test
    void pagesAreBoundedAndCutFromTheWholeRow() {
        Viewer viewer = viewer("MH", "en", "R18");
        for (int i = 0; i < 5; i++) {
            watchableFilm("Majuro " + i, "drama", "en", "PG", "MH");
        }
        awaitEvents();
        JsonNode second = row(viewer, "latest?page=1&size=2").json();
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.get("totalItems").asInt()).isEqualTo(5);
        assertThat(second.get("totalPages").asInt()).isEqualTo(3);

        assertProblem(row(viewer, "latest?size=51"), 400, "validation-failed");
        assertProblem(row(viewer, "for-you?size=0"), 400, "validation-failed");
        assertProblem(row(viewer, "trending?page=-1"), 400, "validation-failed");
        assertProblem(row(viewer, "because-you-watched?rows=11"), 400, "validation-failed");
        assertProblem(row(viewer, "genres/Not%20A%20Slug"), 400, "validation-failed");
    }

    @Test
    void rowsStillAnswerFromTheKeptProfileWhileIdentityIsDown() {
        Viewer viewer = viewer("PW", "en", "PG");
        UUID film = watchableFilm("Palau Blue", "documentary", "en", "PG", "PW");
        UUID adult = watchableFilm("Palau After Dark", "thriller", "en", "R18", "PW");
        awaitEvents();
        assertThat(ids(row(viewer, "latest").json())).contains(film).doesNotContain(adult);

        identity.down(true);
        clock.advance(Duration.ofHours(1));
        JsonNode row = row(viewer, "latest").json();
        assertThat(ids(row)).contains(film).doesNotContain(adult);
        assertThat(row.get("territory").asString()).isEqualTo("PW");
        // a viewer identity never answered for: no territory to filter by
        assertProblem(row(viewer("PW", "en", "PG"), "latest"), 422, "territory-unknown");
    }

    @Test
    void genreRowsRankTheGenresMostWatchedFilmsHere() {
        Viewer viewer = viewer("NU", "en", "R18");
        UUID lessWatched = watchableFilm("Niue Drama One", "drama", "en", "PG", "NU");
        UUID mostWatched = watchableFilm("Niue Drama Two", "drama,family", "en", "PG", "NU");
        UUID comedy = watchableFilm("Niue Comedy", "comedy", "en", "PG", "NU");
        watch(viewer("NU", "en", "R18"), mostWatched, "NU", now.minusSeconds(900), 60, 60, false);
        watch(viewer("NU", "en", "R18"), mostWatched, "NU", now.minusSeconds(800), 60, 60, false);
        watch(viewer("NU", "en", "R18"), lessWatched, "NU", now.minusSeconds(700), 60, 60, false);
        recomputed();

        JsonNode row = row(viewer, "genres/drama").json();
        assertThat(row.get("title").asString()).isEqualTo("Top in Drama in NU");
        assertThat(ids(row)).containsExactly(mostWatched, lessWatched).doesNotContain(comedy);
    }
}
