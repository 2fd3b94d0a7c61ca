package com.thewans.common.web;

import java.util.ArrayList;
import java.util.List;

import com.thewans.common.problem.PreconditionRequired;
import com.thewans.common.problem.VersionMismatch;

/**
 * A resource's version as its entity tag ({@code ETag: "3"}), and the two conditional headers
 * clients send back (RFC 9110 section 13): {@code If-None-Match} to revalidate a copy they keep,
 * {@code If-Match} to change only the version they read. One rule everywhere: a stale or
 * unrecognisable {@code If-Match} is 412 {@code version-mismatch} with {@code currentVersion};
 * where a resource requires {@code If-Match} for changes, its absence is 428.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The strong entity tag of a version: {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** If-None-Match uses weak comparison (RFC 9110 13.1.2): does the client hold this representation? */
    public static boolean noneMatchHolds(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    /** The versions an If-Match header names. */
    public static IfMatch ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return IfMatch.ABSENT;
        }
        List<Long> versions = new ArrayList<>();
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return IfMatch.ANY;
            }
            try {
                versions.add(Long.parseLong(opaque(tag).replace("\"", "")));
            } catch (NumberFormatException e) {
                // not a tag we ever handed out: it can never match (412), like any stale one
                versions.add(-1L);
            }
        }
        return new IfMatch(true, false, List.copyOf(versions));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * What an If-Match header asked for: nothing ({@link #present()} false), any current
     * representation ({@code *}), or one of a list of versions.
     */
    public record IfMatch(boolean present, boolean any, List<Long> versions) {

        static final IfMatch ABSENT = new IfMatch(false, false, List.of());
        static final IfMatch ANY = new IfMatch(true, true, List.of());

        /** For resources whose changes must name the version they were made against. */
        public IfMatch required(String what) {
            if (!present) {
                throw new PreconditionRequired(what);
            }
            return this;
        }

        /** Refuses (412) when the client's version is not the current one; absent means no condition. */
        public void check(long currentVersion) {
            if (present && !any && !versions.contains(currentVersion)) {
                throw new VersionMismatch(currentVersion);
            }
        }
    }
}
