package com.thewans.catalog.film;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.thewans.catalog.cache.CatalogCache;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.problem.Problems;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.EntityTags;
import com.thewans.common.web.PageOf;

import tools.jackson.databind.json.JsonMapper;

/**
 * What browsing the catalog reads: a film and pages of the film list. What the public sees alike
 * (published films, public lists) is served from {@link CatalogCache} as JSON rendered once, since
 * browsing is most of catalog's traffic; a creator's own list and admins' status lists are
 * computed every time and never shared.
 */
@Service
class FilmBrowsing {

    /** A JSON answer ready to send, and its entity tag. */
    record Rendered(String body, String etag) {
    }

    private final Films films;
    private final FilmSearch search;
    private final FilmViews views;
    private final CatalogCache cache;
    private final JsonMapper json;

    FilmBrowsing(Films films, FilmSearch search, FilmViews views, CatalogCache cache, JsonMapper json) {
        this.films = films;
        this.search = search;
        this.views = views;
        this.cache = cache;
        this.json = json;
    }

    Rendered list(CurrentUser user, FilmListRequest request) {
        refuseContradictions(user, request);
        String text = request.q() == null || request.q().isBlank() ? null : request.q().strip();
        FilmSearch.Sort order = request.sort() == null ? null
                : FilmSearch.Sort.valueOf(request.sort().toUpperCase(Locale.ROOT));
        var query = new FilmSearch.Query(text, request.genre(), request.yearFrom(), request.yearTo(),
                request.language(), request.country(), request.maturity(),
                request.availableAs() == null ? null : request.availableAs().name(), request.territory(), order,
                request.mine() ? user.userId() : null, request.status(), request.page(), request.size());
        boolean publicView = !request.mine() && (request.status() == null || request.status() == FilmStatus.PUBLISHED);
        Optional<String> key = publicView ? cache.listKey(query.canonical()) : Optional.empty();
        String body = cache.get(key).orElseGet(() -> {
            var hits = search.search(query);
            var items = films.views(hits.ids()).stream().map(views::of).toList();
            String rendered = json.writeValueAsString(PageOf.of(items, request.page(), request.size(), hits.total()));
            cache.put(key, rendered);
            return rendered;
        });
        // a list has no version of its own: its tag is a digest of what it says
        return new Rendered(body, "W/\"" + CatalogCache.sha256(body).substring(0, 32) + "\"");
    }

    Rendered one(CurrentUser user, UUID id) {
        Optional<String> key = cache.filmKey(id);
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            // cached as "<version>\n<json>", so a hit answers the stored version's tag without a query
            int newline = cached.get().indexOf('\n');
            return new Rendered(cached.get().substring(newline + 1),
                    EntityTags.of(Long.parseLong(cached.get().substring(0, newline))));
        }
        FilmRecord film = films.visible(user, id);
        String body = json.writeValueAsString(views.of(film));
        if (film.status() == FilmStatus.PUBLISHED) {
            cache.put(key, film.version() + "\n" + body); // everyone sees a published film the same way
        }
        return new Rendered(body, EntityTags.of(film.version()));
    }

    private static void refuseContradictions(CurrentUser user, FilmListRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (request.country() != null && !IsoCodes.isCountry(request.country())) {
            errors.add(new Problems.FieldError("country", "is not an ISO 3166-1 country"));
        }
        if (request.territory() != null && !IsoCodes.isCountry(request.territory())) {
            errors.add(new Problems.FieldError("territory", "is not an ISO 3166-1 country"));
        }
        if (request.yearFrom() != null && request.yearTo() != null && request.yearFrom() > request.yearTo()) {
            errors.add(new Problems.FieldError("yearFrom", "must not be after yearTo"));
        }
        if (request.mine() && user == null) {
            errors.add(new Problems.FieldError("mine", "needs a signed-in caller"));
        }
        if (request.status() != null && request.status() != FilmStatus.PUBLISHED && !request.mine()
                && (user == null || !user.isAdmin())) {
            errors.add(new Problems.FieldError("status",
                    "only admins list unpublished films of others; creators use mine=true"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
    }
}
