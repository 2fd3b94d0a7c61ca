package com.thewans.catalog.film;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.catalog.web.InvalidField;
import com.thewans.catalog.web.IsoCodes;
import com.thewans.catalog.web.PageOf;
import com.thewans.common.security.CurrentUser;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Validated
class FilmController {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int MAX_PATCH_BYTES = 256 * 1024;

    /** Release window types, as rights-service names them. */
    enum WindowType { FESTIVAL, CINEMA, COLLECTOR, PVOD, PPV, TVOD, SVOD, AVOD }

    /** The shape of a list page, for the API document (the body is written as pre-rendered JSON). */
    record FilmPage(List<FilmView> items, int page, int size, long totalItems, int totalPages) {
    }

    private final Films films;
    private final FilmSearch search;
    private final FilmViews views;
    private final CatalogCache cache;
    private final JsonMapper json;

    FilmController(Films films, FilmSearch search, FilmViews views, CatalogCache cache, JsonMapper json) {
        this.films = films;
        this.search = search;
        this.views = views;
        this.cache = cache;
        this.json = json;
    }

    @ApiResponse(responseCode = "200", description = "a page of films (PageOf<FilmView>)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmPage.class)))
    @GetMapping("/api/films")
    ResponseEntity<String> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 60) @Pattern(regexp = "^[a-z0-9-]+$") String genre,
            @RequestParam(required = false) @Min(1888) @Max(2100) Integer yearFrom,
            @RequestParam(required = false) @Min(1888) @Max(2100) Integer yearTo,
            @RequestParam(required = false) @Pattern(regexp = "^[a-z]{2,3}$") String language,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z]{2}$") String country,
            @RequestParam(required = false) @Size(max = 5) List<MaturityRating> maturity,
            @RequestParam(required = false) WindowType availableAs,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z]{2}$") String territory,
            @RequestParam(required = false) @Pattern(regexp = "^(?i)(relevance|newest|title|year)$",
                    message = "must be relevance, newest, title or year") String sort,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) FilmStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        List<com.thewans.common.problem.Problems.FieldError> errors = new ArrayList<>();
        if (country != null && !IsoCodes.isCountry(country)) {
            errors.add(new com.thewans.common.problem.Problems.FieldError("country", "is not an ISO 3166-1 country"));
        }
        if (territory != null && !IsoCodes.isCountry(territory)) {
            errors.add(new com.thewans.common.problem.Problems.FieldError("territory", "is not an ISO 3166-1 country"));
        }
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            errors.add(new com.thewans.common.problem.Problems.FieldError("yearFrom", "must not be after yearTo"));
        }
        if (mine && user == null) {
            errors.add(new com.thewans.common.problem.Problems.FieldError("mine", "needs a signed-in caller"));
        }
        if (status != null && status != FilmStatus.PUBLISHED && !mine && (user == null || !user.isAdmin())) {
            errors.add(new com.thewans.common.problem.Problems.FieldError("status",
                    "only admins list unpublished films of others; creators use mine=true"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        FilmSearch.Sort order = sort == null ? null : FilmSearch.Sort.valueOf(sort.toUpperCase(java.util.Locale.ROOT));
        var query = new FilmSearch.Query(text, genre, yearFrom, yearTo, language, country, maturity,
                availableAs == null ? null : availableAs.name(), territory, order, mine ? user.userId() : null,
                status, page, size);
        // only the public view of the catalog is shared; "mine" and admins' status lists are not
        boolean publicView = !mine && (status == null || status == FilmStatus.PUBLISHED);
        Optional<String> key = publicView ? cache.listKey(query.canonical()) : Optional.empty();
        Optional<String> cached = cache.get(key);
        String body = cached.orElseGet(() -> {
            var hits = search.search(query);
            var items = films.views(hits.ids()).stream().map(views::of).toList();
            return json.writeValueAsString(PageOf.of(items, page, size, hits.total()));
        });
        if (cached.isEmpty()) {
            cache.put(key, body);
        }
        return respond(body, "W/\"" + CatalogCache.sha256(body).substring(0, 32) + "\"", ifNoneMatch,
                cached.isPresent());
    }

    @ApiResponse(responseCode = "200", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @GetMapping("/api/films/{id}")
    ResponseEntity<String> one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Optional<String> key = cache.filmKey(id);
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            int newline = cached.get().indexOf('\n');
            return respond(cached.get().substring(newline + 1), etag(Long.parseLong(cached.get().substring(0, newline))),
                    ifNoneMatch, true);
        }
        FilmRecord film = films.visible(user, id);
        String body = json.writeValueAsString(views.of(film));
        if (film.status() == FilmStatus.PUBLISHED) {
            cache.put(key, film.version() + "\n" + body); // everyone sees a published film the same way
        }
        return respond(body, etag(film.version()), ifNoneMatch, false);
    }

    @ApiResponse(responseCode = "201", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @PostMapping(path = "/api/films", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(@AuthenticationPrincipal CurrentUser user, @RequestBody JsonNode body) {
        FilmRecord film = films.create(user, body);
        return ResponseEntity.created(URI.create("/api/films/" + film.id())).eTag(etag(film.version()))
                .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(views.of(film)));
    }

    @ApiResponse(responseCode = "200", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @PatchMapping(path = "/api/films/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (body.length() > MAX_PATCH_BYTES) {
            throw new InvalidField("body", "must be at most " + MAX_PATCH_BYTES + " bytes");
        }
        JsonNode patch;
        try {
            patch = json.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidField("body", "is not valid JSON");
        }
        return ok(films.patch(user, id, patch, ifMatchVersions(ifMatch)));
    }

    @ApiResponse(responseCode = "200", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @PostMapping("/api/films/{id}/publish")
    ResponseEntity<String> publish(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ok(films.publish(user, id));
    }

    @ApiResponse(responseCode = "200", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @PostMapping("/api/films/{id}/archive")
    ResponseEntity<String> archive(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ok(films.archive(user, id));
    }

    private ResponseEntity<String> ok(FilmRecord film) {
        return ResponseEntity.ok().eTag(etag(film.version())).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(views.of(film)));
    }

    private static ResponseEntity<String> respond(String body, String etag, String ifNoneMatch, boolean hit) {
        var headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.noCache()); // clients may keep it, and revalidate with the ETag
        headers.set("X-Catalog-Cache", hit ? "hit" : "miss");
        if (matches(ifNoneMatch, etag)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** If-None-Match uses weak comparison (RFC 9110 13.1.2). */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String ours = stripWeak(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || stripWeak(c).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The versions an If-Match names; one that is no version of ours can never match. */
    private static List<Long> ifMatchVersions(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        List<Long> versions = new ArrayList<>();
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return null; // any current representation
            }
            c = stripWeak(c).replace("\"", "");
            try {
                versions.add(Long.parseLong(c));
            } catch (NumberFormatException e) {
                versions.add(-1L);
            }
        }
        return versions;
    }
}
