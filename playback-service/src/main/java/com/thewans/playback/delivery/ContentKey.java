package com.thewans.playback.delivery;

import java.util.HexFormat;
import java.util.UUID;

/** A film's AES-128 content key and its key id. Never logged: toString names the film only. */
record ContentKey(UUID filmId, byte[] key, byte[] keyId) {

    ContentKey {
        if (key == null || key.length != 16) {
            throw new IllegalArgumentException("an AES-128 content key is 16 bytes");
        }
        if (keyId == null || keyId.length != 16) {
            throw new IllegalArgumentException("a key id is 16 bytes");
        }
    }

    static ContentKey of(UUID filmId, String keyHex, String kidHex) {
        return new ContentKey(filmId, HexFormat.of().parseHex(keyHex), HexFormat.of().parseHex(kidHex));
    }

    @Override
    public String toString() {
        return "ContentKey[" + filmId + "]";
    }
}
