package com.thewans.transcoding.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.testkit.TestHttp;
import com.thewans.transcoding.TranscodingTestSupport;

/** Per-film content keys: one per film, wrapped at rest, handed to services only. */
class ContentKeyTest extends TranscodingTestSupport {

    @Autowired
    ContentKeys keys;

    @Test
    void onlyServicesReadAFilmsKey() {
        UUID filmId = UUID.randomUUID();
        ContentKey key = keys.forFilm(filmId);

        TestHttp.Response service = get("/api/transcode/internal/keys/" + filmId, serviceToken());
        TestHttp.Response creator = get("/api/transcode/internal/keys/" + filmId, creatorToken(UUID.randomUUID()));
        TestHttp.Response admin = get("/api/transcode/internal/keys/" + filmId, adminToken());
        TestHttp.Response anonymous = http().get("/api/transcode/internal/keys/" + filmId);
        TestHttp.Response none = get("/api/transcode/internal/keys/" + UUID.randomUUID(), serviceToken());

        assertThat(service.status()).isEqualTo(200);
        assertThat(service.json().get("keyHex").asString()).isEqualTo(HexFormat.of().formatHex(key.key()));
        assertThat(service.json().get("keyId").asString()).isEqualTo(key.keyId().toString());
        assertThat(creator.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("code").asString()).isEqualTo("content-key-not-found");
    }

    @Test
    void aFilmHasOneKeyEvenWhenAskedForConcurrentlyAndItIsStoredWrapped() {
        UUID filmId = UUID.randomUUID();
        List<CompletableFuture<ContentKey>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            asks.add(CompletableFuture.supplyAsync(() -> keys.forFilm(filmId)));
        }
        List<String> seen = asks.stream().map(CompletableFuture::join).map(ContentKey::keyHex).distinct().toList();

        assertThat(seen).hasSize(1);
        byte[] stored = jdbc.queryForObject("select wrapped_key from content_keys where film_id = ?", byte[].class,
                filmId);
        assertThat(stored).hasSize(32).isNotEqualTo(HexFormat.of().parseHex(seen.get(0)));
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(seen.get(0));
    }

    @Test
    void aWrappedKeyMovedToAnotherFilmDoesNotUnwrap() {
        UUID filmA = UUID.randomUUID();
        UUID filmB = UUID.randomUUID();
        keys.forFilm(filmA);
        keys.forFilm(filmB);
        jdbc.update("""
                update content_keys set wrapped_key = (select wrapped_key from content_keys where film_id = ?),
                    nonce = (select nonce from content_keys where film_id = ?) where film_id = ?""", filmA, filmA, filmB);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.find(filmB))
                .hasMessageContaining("could not be unwrapped");
    }
}
