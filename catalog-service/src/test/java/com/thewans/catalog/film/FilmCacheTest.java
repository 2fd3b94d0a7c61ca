package com.thewans.catalog.film;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.catalog.CatalogTestSupport;

/**
 * The cache is seen from outside the way it matters: a change written behind the service's back
 * (straight into its table) stays unseen while a cached answer is served, and any change made
 * through the service shows at once.
 */
class FilmCacheTest extends CatalogTestSupport {

    private void retitleBehindTheServicesBack(String filmId, String title) {
        jdbc.update("update film set title = ? where id = ?::uuid", title, filmId);
    }

    @Test
    void aPublishedFilmIsServedFromTheCacheUntilItChanges() {
        String id = publishedFilm("Cached Film", "Served from Redis.").get("id").asString();

        assertThat(get("/api/films/" + id, null).json().get("title").asString()).isEqualTo("Cached Film");
        retitleBehindTheServicesBack(id, "Never Seen");
        var hit = get("/api/films/" + id, viewer);
        assertThat(hit.json().get("title").asString()).isEqualTo("Cached Film");

        assertThat(patch("/api/films/" + id, "{\"title\": \"Renamed Film\"}", creator).status()).isEqualTo(200);

        var afterChange = get("/api/films/" + id, null);
        assertThat(afterChange.json().get("title").asString()).isEqualTo("Renamed Film");
    }

    @Test
    void aDraftIsNeverCachedSoItCannotLeakToOthers() {
        String id = createFilm(creator, filmJson("Secret Draft", "Not yet.")).get("id").asString();

        assertThat(get("/api/films/" + id, creator).status()).isEqualTo(200);
        retitleBehindTheServicesBack(id, "Seen At Once");
        assertThat(get("/api/films/" + id, creator).json().get("title").asString()).isEqualTo("Seen At Once");
        assertThat(get("/api/films/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void anUnchangedFilmAnswers304ToItsETag() {
        String id = publishedFilm("Revalidated", "ETags.").get("id").asString();
        var first = get("/api/films/" + id, null);
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo("\"" + first.json().get("version").asLong() + "\"");

        var notModified = get("/api/films/" + id, null, "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        patch("/api/films/" + id, "{\"synopsis\": \"Changed.\"}", creator);
        var changed = get("/api/films/" + id, null, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void listPagesAreCachedAndANewlyPublishedFilmAppearsAtOnce() {
        String tag = "cache" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "c");
        String one = publishedFilm(tag + " One", "first").get("id").asString();
        String path = "/api/films?q=" + tag;

        var miss = get(path, null);
        assertThat(miss.json().get("items").get(0).get("title").asString()).isEqualTo(tag + " One");
        retitleBehindTheServicesBack(one, tag + " Renamed");
        var hit = get(path, null);
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(get(path, null, "If-None-Match", hit.header("ETag")).status()).isEqualTo(304);

        publishedFilm(tag + " Two", "second");

        var fresh = get(path, null);
        assertThat(fresh.json().get("totalItems").asLong()).isEqualTo(2);
        assertThat(fresh.body()).contains(tag + " Renamed");
        assertThat(get(path, null, "If-None-Match", hit.header("ETag")).status()).isEqualTo(200);
    }
}
