package com.thewans.transcoding.keys;

import java.util.HexFormat;
import java.util.UUID;

/** A film's content key (AES-128) and its key id, in the clear: only ever held in memory. */
public record ContentKey(UUID filmId, UUID keyId, byte[] key) {

    public String keyHex() {
        return HexFormat.of().formatHex(key);
    }

    /** The 16-byte key id as hex, as CENC's KID. */
    public String kidHex() {
        return keyId.toString().replace("-", "");
    }

    @Override
    public String toString() {
        return "ContentKey[" + filmId + " " + keyId + "]";
    }
}
