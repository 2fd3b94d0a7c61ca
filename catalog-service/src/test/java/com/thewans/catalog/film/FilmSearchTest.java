package com.thewans.catalog.film;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.catalog.CatalogTestSupport;

import tools.jackson.databind.JsonNode;

class FilmSearchTest extends CatalogTestSupport {

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    @Test
    void aTitleHitRanksAboveAFilmThatOnlyMentionsTheWordInItsSynopsis() {
        String word = "Kundu" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        publishedFilm("Drums of the Coast", "An old man teaches the " + word + " drum to his grandson.");
        publishedFilm("The " + word + " Maker", "A craftsman in Madang.");

        var page = get("/api/films?q=" + q(word), null);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(titles(page.json())).containsExactly("The " + word + " Maker", "Drums of the Coast");
        assertThat(page.json().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void misspeltTitlesStillFindTheFilm() {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        publishedFilm("Mount Hagen Show " + tag, "Highland cultural festival.");
        publishedFilm("Bilum Weavers of Goroka " + tag, "String bags and the women who make them.");

        assertThat(titles(get("/api/films?q=" + q("Mt Hagn Show " + tag), null).json()))
                .contains("Mount Hagen Show " + tag);
        assertThat(titles(get("/api/films?q=" + q("Bilum Weevers Goroka " + tag), null).json()))
                .contains("Bilum Weavers of Goroka " + tag);
        publishedFilm("Sing-Sing at Mount Hagen " + tag, "Tribes gather in paint and plumes.");
        assertThat(titles(get("/api/films?q=" + q("Sing Sing at Mount Hagn"), null).json()))
                .contains("Sing-Sing at Mount Hagen " + tag);
        assertThat(titles(get("/api/films?q=" + q("Mount Hagen Show " + tag), null).json()).get(0))
                .isEqualTo("Mount Hagen Show " + tag);
    }

    @Test
    void castAndCharactersAreSearchable() {
        String name = "Wanpela" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        var film = createFilm(creator, """
                {"title": "Haus Krai", "synopsis": "Grief in a village.", "runtimeMinutes": 70, "releaseYear": 2019,
                 "maturityRating": "M", "genres": ["drama"],
                 "credits": {"cast": [{"name": "%s Tau", "character": "Papa"}]}}""".formatted(name));
        post("/api/films/" + film.get("id").asString() + "/publish", null, creator);

        assertThat(titles(get("/api/films?q=" + q(name), null).json())).containsExactly("Haus Krai");
    }

    @Test
    void filtersNarrowTheListAndOnlyPublishedFilmsAreListed() {
        String tag = "flt" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "z");
        var doc = createFilm(creator, """
                {"title": "%s Reef", "synopsis": "%s coral.", "runtimeMinutes": 52, "releaseYear": 2015,
                 "countries": ["FJ"], "languages": ["fj"], "maturityRating": "G", "genres": ["documentary"]}"""
                .formatted(tag, tag));
        post("/api/films/" + doc.get("id").asString() + "/publish", null, creator);
        var thriller = createFilm(creator, """
                {"title": "%s Night", "synopsis": "%s chase.", "runtimeMinutes": 101, "releaseYear": 2023,
                 "countries": ["PG"], "languages": ["tpi"], "maturityRating": "MA15", "genres": ["thriller"]}"""
                .formatted(tag, tag));
        post("/api/films/" + thriller.get("id").asString() + "/publish", null, creator);
        createFilm(creator, filmJson(tag + " Draft", tag + " unpublished"));

        assertThat(titles(get("/api/films?q=" + tag, null).json())).containsExactlyInAnyOrder(tag + " Reef",
                tag + " Night");
        assertThat(titles(get("/api/films?q=" + tag + "&genre=documentary", null).json()))
                .containsExactly(tag + " Reef");
        assertThat(titles(get("/api/films?q=" + tag + "&yearFrom=2020", null).json())).containsExactly(tag + " Night");
        assertThat(titles(get("/api/films?q=" + tag + "&yearTo=2020", null).json())).containsExactly(tag + " Reef");
        assertThat(titles(get("/api/films?q=" + tag + "&language=tpi", null).json())).containsExactly(tag + " Night");
        assertThat(titles(get("/api/films?q=" + tag + "&country=FJ", null).json())).containsExactly(tag + " Reef");
        assertThat(titles(get("/api/films?q=" + tag + "&maturity=G&maturity=PG", null).json()))
                .containsExactly(tag + " Reef");
        assertThat(titles(get("/api/films?q=" + tag + "&sort=year", null).json()))
                .containsExactly(tag + " Night", tag + " Reef");
        assertThat(titles(get("/api/films?q=" + tag + "&sort=title", null).json()))
                .containsExactly(tag + " Night", tag + " Reef");
        assertThat(titles(get("/api/films?mine=true&q=" + tag, creator).json())).hasSize(3);
        assertThat(titles(get("/api/films?mine=true&status=DRAFT&q=" + tag, creator).json()))
                .containsExactly(tag + " Draft");
        assertThat(titles(get("/api/films?status=DRAFT&q=" + tag, admin).json())).containsExactly(tag + " Draft");
        assertProblem(get("/api/films?status=DRAFT&q=" + tag, creator), 400, "validation-failed");
        assertProblem(get("/api/films?status=DRAFT", null), 400, "validation-failed");
    }

    @Test
    void pagesAreBoundedStableAndCounted() {
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "y");
        for (int i = 0; i < 5; i++) {
            publishedFilm(tag + " Episode " + i, "Series " + tag);
        }
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            var json = get("/api/films?q=" + tag + "&sort=newest&size=2&page=" + page, null).json();
            assertThat(json.get("totalItems").asLong()).isEqualTo(5);
            assertThat(json.get("totalPages").asInt()).isEqualTo(3);
            seen.addAll(titles(json));
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();

        assertProblem(get("/api/films?size=101", null), 400, "validation-failed");
        assertProblem(get("/api/films?size=0", null), 400, "validation-failed");
        assertProblem(get("/api/films?page=-1", null), 400, "validation-failed");
        assertProblem(get("/api/films?sort=popularity", null), 400, "validation-failed");
        assertProblem(get("/api/films?availableAs=BLURAY", null), 400, "validation-failed");
        assertProblem(get("/api/films?territory=XX", null), 400, "validation-failed");
        assertProblem(get("/api/films?q=" + "a".repeat(201), null), 400, "validation-failed");
        assertProblem(get("/api/films?yearFrom=2020&yearTo=2010", null), 400, "validation-failed");
    }
}
