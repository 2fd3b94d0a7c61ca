package com.thewans.recommendation.ranking;

/**
 * Why a film is in a row, in words a viewer reads ("Because you watched Sing Sing") plus a kind a
 * client can style by, and the film it refers to when there is one.
 */
public record Reason(Kind kind, String text, String becauseOfFilmId) {

    public enum Kind {
        BECAUSE_YOU_WATCHED, YOU_LIKE_THE_GENRE, IN_YOUR_LANGUAGE, POPULAR, TRENDING, WATCHED_TOGETHER,
        LIKE_THIS_FILM, SAME_PEOPLE, NEW, CONTINUE
    }

    public static Reason because(Film watched) {
        return new Reason(Kind.BECAUSE_YOU_WATCHED, "Because you watched " + watched.title(), watched.id());
    }

    public static Reason popularIn(String territory) {
        return new Reason(Kind.POPULAR, "Popular in " + territory, null);
    }
}
