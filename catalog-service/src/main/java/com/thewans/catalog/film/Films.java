package com.thewans.catalog.film;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.catalog.cache.CatalogCache;
import com.thewans.catalog.genre.Genre;
import com.thewans.catalog.genre.Genres;
import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.problem.Problems;
import com.thewans.common.problem.StaleUpdate;
import com.thewans.common.problem.VersionMismatch;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.EntityTags;

import jakarta.validation.Validator;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creating, reading, editing, publishing and archiving films, with the ownership rules. */
@Service
public class Films {

    private final FilmRepository films;
    private final Genres genres;
    private final FilmEvents events;
    private final AuditLog audit;
    private final CatalogCache cache;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;

    Films(FilmRepository films, Genres genres, FilmEvents events, AuditLog audit, CatalogCache cache,
            Validator validator, JsonMapper json, Clock clock) {
        this.films = films;
        this.genres = genres;
        this.events = events;
        this.audit = audit;
        this.cache = cache;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public FilmRecord create(CurrentUser user, FilmFields fields) {
        Access.requireCreatorOrAdmin(user);
        refuseUnknownCodes(fields);
        List<Genre> resolved = genres.resolve(fields.genres());
        UUID id = UUID.randomUUID();
        String slug = slugOf(fields.title());
        films.insert(id, user.userId(), slug.isEmpty() ? "film" : slug, fields, resolved, Instant.now(clock));
        FilmRecord created = films.find(id).orElseThrow();
        events.created(created);
        cache.filmChanged(id);
        return created;
    }

    /** The film if the caller may see it: published to all, drafts and archived to owner and admins. */
    @Transactional(readOnly = true)
    public FilmRecord visible(CurrentUser user, UUID id) {
        FilmRecord film = films.find(id).orElseThrow(() -> new FilmNotFound(id));
        if (film.status() != FilmStatus.PUBLISHED && !Access.seesUnpublished(user, film)) {
            throw new FilmNotFound(id);
        }
        return film;
    }

    /** The films with these ids, in that order (a search's page). */
    @Transactional(readOnly = true)
    public List<FilmRecord> views(List<UUID> ids) {
        return films.findAll(ids);
    }

    /** A film the caller may change (others' drafts stay invisible: 404, not 403). */
    @Transactional(readOnly = true)
    public FilmRecord manageable(CurrentUser user, UUID id) {
        FilmRecord film = visible(user, id);
        Access.requireManage(user, film);
        return film;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) and validates the merged film as a whole. Optimistic
     * locking three ways: If-Match (stale: 412), a {@code version} member (stale: 409), and the
     * UPDATE's own version check, so two concurrent patches never silently overwrite each other.
     */
    @Transactional
    public FilmRecord patch(CurrentUser user, UUID id, String body, EntityTags.IfMatch ifMatch) {
        FilmRecord film = manageable(user, id);
        ObjectNode patch = MergePatch.read(json, body);
        List<Problems.FieldError> unknown = new ArrayList<>();
        for (var member : patch.properties()) {
            if (!FilmFields.NAMES.contains(member.getKey()) && !"version".equals(member.getKey())) {
                unknown.add(new Problems.FieldError(member.getKey(), "is not a field of a film"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidField(unknown);
        }
        ifMatch.check(film.version());
        JsonNode version = patch.remove("version");
        if (version != null && !version.isNull()) {
            if (!version.isIntegralNumber()) {
                throw new InvalidField("version", "must be the version number you read");
            }
            if (version.asLong() != film.version()) {
                throw new StaleUpdate(film.version());
            }
        }
        FilmFields fields = merged(MergePatch.apply(json.valueToTree(film.fields()), patch));
        List<Genre> resolved = genres.resolve(fields.genres());
        if (!films.update(id, film.version(), fields, resolved, Instant.now(clock))) {
            long current = films.find(id).map(FilmRecord::version).orElse(film.version());
            throw ifMatch.present() && !ifMatch.any() ? new VersionMismatch(current) : new StaleUpdate(current);
        }
        FilmRecord updated = films.find(id).orElseThrow();
        events.updated(updated);
        if (!user.userId().equals(film.creatorId())) {
            audit.record("film.edited-by-admin", "film:" + id,
                    Map.of("creatorId", film.creatorId().toString(), "fields", fieldNames(patch)));
        }
        cache.filmChanged(id);
        return updated;
    }

    @Transactional
    public FilmRecord publish(CurrentUser user, UUID id) {
        FilmRecord film = manageable(user, id);
        FilmStatus next = film.published();
        List<String> missing = film.missingForPublication();
        if (!missing.isEmpty()) {
            throw new FilmIncomplete(id, missing);
        }
        return transition(user, film, next, events::published, "film.published");
    }

    @Transactional
    public FilmRecord archive(CurrentUser user, UUID id) {
        FilmRecord film = manageable(user, id);
        return transition(user, film, film.archived(), events::archived, "film.archived");
    }

    private FilmRecord transition(CurrentUser user, FilmRecord film, FilmStatus next,
            java.util.function.Consumer<FilmRecord> event, String action) {
        if (!films.changeStatus(film.id(), film.version(), next, Instant.now(clock))) {
            throw new StaleUpdate(films.find(film.id()).map(FilmRecord::version).orElse(film.version()));
        }
        FilmRecord changed = films.find(film.id()).orElseThrow();
        event.accept(changed);
        audit.record(action, "film:" + film.id(), Map.of("from", film.status().name(), "to", next.name(),
                "creatorId", film.creatorId().toString(), "byOwner", user.userId().equals(film.creatorId())));
        cache.filmChanged(film.id());
        return changed;
    }

    /** Another feature (artwork) changed the film: new version, film.updated, caches move on. */
    @Transactional
    public FilmRecord touched(UUID id) {
        films.touch(id, Instant.now(clock));
        FilmRecord film = films.find(id).orElseThrow();
        events.updated(film);
        cache.filmChanged(id);
        return film;
    }

    /** The film a merge patch leaves, checked by the same bean validation a new film's body gets. */
    private FilmFields merged(JsonNode merged) {
        FilmFields fields;
        try {
            fields = json.treeToValue(merged, FilmFields.class);
        } catch (DatabindException e) {
            throw new InvalidField(Problems.jsonPath(e), "has a value of the wrong type or an unknown value");
        }
        List<Problems.FieldError> errors = new ArrayList<>(validator.validate(fields).stream()
                .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problems.FieldError::field));
            throw new InvalidField(errors);
        }
        refuseUnknownCodes(fields);
        return fields;
    }

    /** Codes of the right shape that name no country or language we know. */
    private static void refuseUnknownCodes(FilmFields fields) {
        List<Problems.FieldError> errors = new ArrayList<>();
        fields.countries().stream().filter(c -> !IsoCodes.isCountry(c))
                .forEach(c -> errors.add(new Problems.FieldError("countries", c + " is not an ISO 3166-1 country")));
        fields.languages().stream().filter(l -> !IsoCodes.isLanguage(l))
                .forEach(l -> errors.add(new Problems.FieldError("languages", l + " is not a language we know")));
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
    }

    private static List<String> fieldNames(JsonNode changes) {
        List<String> names = new ArrayList<>();
        changes.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    static String slugOf(String title) {
        String ascii = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() > 120 ? slug.substring(0, 120).replaceAll("-+$", "") : slug;
    }
}
