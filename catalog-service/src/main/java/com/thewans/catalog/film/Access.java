package com.thewans.catalog.film;

import org.springframework.security.access.AccessDeniedException;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.Role;

/** Who may do what in the catalog: creators manage their own films, admins everything. */
final class Access {

    private Access() {
    }

    static void requireCreatorOrAdmin(CurrentUser user) {
        if (user == null || !(user.has(Role.CREATOR) || user.isAdmin())) {
            throw new AccessDeniedException("creators and admins only");
        }
    }

    /**
     * Sees drafts and archived films: the owning creator, admins, and other services acting under
     * their own identity (transcoding reads a draft's owner before its first master is uploaded).
     */
    static boolean seesUnpublished(CurrentUser user, FilmRecord film) {
        return user != null && (user.isAdmin() || user.has(Role.SERVICE) || user.userId().equals(film.creatorId()));
    }

    /** Changes a film: its owner while still a creator, or an admin. */
    static void requireManage(CurrentUser user, FilmRecord film) {
        requireCreatorOrAdmin(user);
        if (!user.isAdmin() && !user.userId().equals(film.creatorId())) {
            throw new AccessDeniedException("not your film");
        }
    }
}
