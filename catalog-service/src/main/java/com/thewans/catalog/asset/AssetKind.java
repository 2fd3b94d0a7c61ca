package com.thewans.catalog.asset;

import java.util.Set;

/** What artwork a film has, which file types each may be, and how large. */
enum AssetKind {
    POSTER(Set.of("image/jpeg", "image/png", "image/webp"), 10L * 1024 * 1024),
    BACKDROP(Set.of("image/jpeg", "image/png", "image/webp"), 10L * 1024 * 1024),
    STILL(Set.of("image/jpeg", "image/png", "image/webp"), 10L * 1024 * 1024),
    TRAILER(Set.of("video/mp4"), 500L * 1024 * 1024);

    final Set<String> contentTypes;
    final long maxBytes;

    AssetKind(Set<String> contentTypes, long maxBytes) {
        this.contentTypes = contentTypes;
        this.maxBytes = maxBytes;
    }

    static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            case "video/mp4" -> "mp4";
            default -> "bin";
        };
    }

    /** Whether the file's first bytes are what its content type claims (a renamed .exe is not a poster). */
    static boolean looksLike(String contentType, byte[] head) {
        return switch (contentType) {
            case "image/jpeg" -> starts(head, 0, 0xFF, 0xD8, 0xFF);
            case "image/png" -> starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/webp" -> starts(head, 0, 'R', 'I', 'F', 'F') && starts(head, 8, 'W', 'E', 'B', 'P');
            case "video/mp4" -> starts(head, 4, 'f', 't', 'y', 'p');
            default -> false;
        };
    }

    private static boolean starts(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
