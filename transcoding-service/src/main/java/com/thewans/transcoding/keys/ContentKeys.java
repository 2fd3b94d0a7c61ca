package com.thewans.transcoding.keys;

import static com.thewans.common.db.SqlTimes.ts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.thewans.transcoding.TranscodeSettings;

/**
 * One content key per film, created on first need and stored wrapped (AES-256-GCM) under the master
 * key from configuration. The film and key ids are the GCM associated data, so a wrapped key copied
 * to another film's row does not unwrap. Keys never go to the media bucket.
 */
@Service
public class ContentKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final SecretKeySpec master;
    private final Clock clock;

    ContentKeys(JdbcTemplate jdbc, TranscodeSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        byte[] raw = Base64.getDecoder().decode(settings.keyMaster());
        if (raw.length != 32) {
            throw new IllegalStateException("TRANSCODE_KEY_MASTER must be base64 of 32 bytes");
        }
        this.master = new SecretKeySpec(raw, "AES");
    }

    /** The film's key, created if it has none; concurrent callers for one film get the same key. */
    public ContentKey forFilm(UUID filmId) {
        return find(filmId).orElseGet(() -> {
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            UUID keyId = UUID.randomUUID();
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            jdbc.update("""
                    insert into content_keys (film_id, key_id, wrapped_key, nonce, created_at)
                    values (?, ?, ?, ?, ?) on conflict (film_id) do nothing""",
                    filmId, keyId, crypt(Cipher.ENCRYPT_MODE, nonce, filmId, keyId, key), nonce,
                    ts(clock.instant()));
            return find(filmId).orElseThrow();
        });
    }

    public Optional<ContentKey> find(UUID filmId) {
        List<ContentKey> keys = jdbc.query("select key_id, wrapped_key, nonce from content_keys where film_id = ?",
                (rs, i) -> {
                    UUID keyId = rs.getObject(1, UUID.class);
                    return new ContentKey(filmId, keyId,
                            crypt(Cipher.DECRYPT_MODE, rs.getBytes(3), filmId, keyId, rs.getBytes(2)));
                }, filmId);
        return keys.stream().findFirst();
    }

    private byte[] crypt(int mode, byte[] nonce, UUID filmId, UUID keyId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, master, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ByteBuffer.allocate(32).putLong(filmId.getMostSignificantBits())
                    .putLong(filmId.getLeastSignificantBits()).putLong(keyId.getMostSignificantBits())
                    .putLong(keyId.getLeastSignificantBits()).array());
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A content key could not be " + (mode == Cipher.ENCRYPT_MODE ? "wrapped"
                    : "unwrapped") + " (wrong TRANSCODE_KEY_MASTER?)", e);
        }
    }
}
