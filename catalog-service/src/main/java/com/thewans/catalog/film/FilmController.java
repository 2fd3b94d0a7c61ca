package com.thewans.catalog.film;

import java.net.URI;
import java.util.List;
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

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.EntityTags;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Validated
@Tag(name = "Films", description = "A film's metadata, credits and life (draft, published, archived), and the"
        + " catalog's ranked, typo-tolerant search. Anyone may browse published films; creators manage their own,"
        + " admins any. Reads carry an ETag (the film's version) and answer 304 to If-None-Match.")
class FilmController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    /** The shape of a list page, for the API document (the body is written as pre-rendered JSON). */
    record FilmPage(List<FilmView> items, int page, int size, long totalItems, int totalPages) {
    }

    private final Films films;
    private final FilmBrowsing browsing;
    private final FilmViews views;

    FilmController(Films films, FilmBrowsing browsing, FilmViews views) {
        this.films = films;
        this.browsing = browsing;
        this.views = views;
    }

    @GetMapping("/api/films")
    @Operation(summary = "Search and browse films: ranked text search with filters, or a creator's own films (mine=true)")
    @ApiResponse(responseCode = "200", description = "a page of films (PageOf<FilmView>)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmPage.class)))
    ResponseEntity<String> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 60) @Pattern(regexp = "^[a-z0-9-]+$") String genre,
            @RequestParam(required = false) @Min(1888) @Max(2100) Integer yearFrom,
            @RequestParam(required = false) @Min(1888) @Max(2100) Integer yearTo,
            @RequestParam(required = false) @Pattern(regexp = "^[a-z]{2,3}$") String language,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z]{2}$") String country,
            @RequestParam(required = false) @Size(max = 5) List<MaturityRating> maturity,
            @RequestParam(required = false) FilmListRequest.WindowType availableAs,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z]{2}$") String territory,
            @RequestParam(required = false) @Pattern(regexp = "^(?i)(relevance|newest|title|year)$",
                    message = "must be relevance, newest, title or year") String sort,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) FilmStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        var request = new FilmListRequest(q, genre, yearFrom, yearTo, language, country, maturity, availableAs,
                territory, sort, mine, status, page, size);
        return revalidated(browsing.list(user, request), ifNoneMatch);
    }

    @GetMapping("/api/films/{id}")
    @Operation(summary = "Read a film: published ones for anyone, drafts and archived ones for their creator and admins")
    @ApiResponse(responseCode = "200", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @ApiResponse(responseCode = "404", description = "No such film, or a draft of someone else's (`film-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return revalidated(browsing.one(user, id), ifNoneMatch);
    }

    @PostMapping(path = "/api/films", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a film as a draft (creators and admins); genres by slug or id")
    @ApiResponse(responseCode = "201", description = "the film, with its ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    ResponseEntity<FilmView> create(@AuthenticationPrincipal CurrentUser user,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
                    {"title": "Sanguma", "synopsis": "A village healer and a city doctor.", "runtimeMinutes": 94,
                     "releaseYear": 2024, "countries": ["PG"], "languages": ["tpi", "en"], "maturityRating": "PG",
                     "genres": ["drama"],
                     "credits": {"directors": [{"name": "Kiri Tau"}],
                                 "cast": [{"name": "Mala Bune", "character": "Aunty Rose"}]}}""")))
            @Valid @RequestBody FilmFields request) {
        FilmRecord film = films.create(user, request);
        return ResponseEntity.created(URI.create("/api/films/" + film.id())).eTag(EntityTags.of(film.version()))
                .body(views.of(film));
    }

    @PatchMapping(path = "/api/films/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change a film with a JSON Merge Patch (RFC 7396); If-Match with its ETag, or a body"
            + " `version`, guards against overwriting someone else's change")
    @ApiResponse(responseCode = "200", description = "the film, with its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @ApiResponse(responseCode = "409", description = "The body's `version` is not the current one (`stale-update`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version (`version-mismatch`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<FilmView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MERGE_PATCH,
                    examples = @ExampleObject(value = """
                            {"synopsis": "A new synopsis.", "originalTitle": null}""")))
            @RequestBody String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return current(films.patch(user, id, body, EntityTags.ifMatch(ifMatch)));
    }

    @PostMapping("/api/films/{id}/publish")
    @Operation(summary = "Publish a draft or archived film, once it has a synopsis, runtime and release year")
    @ApiResponse(responseCode = "200", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @ApiResponse(responseCode = "409", description = "Already published (`film-status-conflict`, `filmStatus`) or"
            + " not complete (`film-incomplete`, `missing`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<FilmView> publish(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return current(films.publish(user, id));
    }

    @PostMapping("/api/films/{id}/archive")
    @Operation(summary = "Archive a film: it leaves the public catalog; its creator and admins still see it")
    @ApiResponse(responseCode = "200", description = "the film",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @ApiResponse(responseCode = "409", description = "Already archived (`film-status-conflict`, `filmStatus`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<FilmView> archive(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return current(films.archive(user, id));
    }

    private ResponseEntity<FilmView> current(FilmRecord film) {
        return ResponseEntity.ok().eTag(EntityTags.of(film.version())).body(views.of(film));
    }

    /** A read answer clients may keep and revalidate with its ETag (304 when they hold it). */
    private static ResponseEntity<String> revalidated(FilmBrowsing.Rendered answer, String ifNoneMatch) {
        var headers = new HttpHeaders();
        headers.setETag(answer.etag());
        headers.setCacheControl(CacheControl.noCache());
        if (EntityTags.noneMatchHolds(ifNoneMatch, answer.etag())) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(answer.body(), headers, HttpStatus.OK);
    }
}
