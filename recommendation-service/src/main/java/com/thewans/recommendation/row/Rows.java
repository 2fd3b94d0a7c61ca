package com.thewans.recommendation.row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.web.PageOf;
import com.thewans.recommendation.RecommendationSettings;
import com.thewans.recommendation.cache.RecommendationCache;
import com.thewans.recommendation.catalogue.Catalogue;
import com.thewans.recommendation.catalogue.CatalogueFilm;
import com.thewans.recommendation.compute.Scores;
import com.thewans.recommendation.history.WatchHistory;
import com.thewans.recommendation.history.WatchedFilm;
import com.thewans.recommendation.ranking.Film;
import com.thewans.recommendation.ranking.Ranker;
import com.thewans.recommendation.ranking.Reason;
import com.thewans.recommendation.ranking.Scored;
import com.thewans.recommendation.ranking.Watch;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every row from the service's own data (catalogue, windows, history, stored scores) through
 * the ranking core, filtered to what the audience may watch now, and caches whole rows in Redis:
 * personal rows under the viewer's generation (a watch invalidates them), shared rows under the
 * shared one. A page is cut from the cached row, so paging costs no ranking.
 */
@Service
class Rows {

    /** How many "because you watched" rows one request may ask for. */
    static final int MAX_BECAUSE_ROWS = 10;
    private static final Pattern GENRE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** A whole row as cached: its heading and its films in order. */
    record Ranked(String title, List<RecommendedFilm> films) {
    }

    private final Catalogue catalogue;
    private final WatchHistory history;
    private final Scores scores;
    private final RecommendationCache cache;
    private final JsonMapper json;
    private final Ranker ranker = new Ranker();
    private final int maxPageSize;
    private final int rowLength;
    private final Duration halfLife;

    Rows(Catalogue catalogue, WatchHistory history, Scores scores, RecommendationCache cache, JsonMapper json,
            RecommendationSettings settings) {
        this.catalogue = catalogue;
        this.history = history;
        this.scores = scores;
        this.cache = cache;
        this.json = json;
        this.maxPageSize = settings.maxPageSize();
        this.rowLength = settings.rowLength();
        this.halfLife = settings.trendingHalfLife();
    }

    RowView forYou(Audience audience, int page, int size) {
        checkPage(page, size);
        Ranked row = personal(audience, "for-you", () -> {
            Context context = context(audience);
            return new Ranked("For you", cards(context, ranker.forYou(context.pool(), context.viewer(), rowLength)));
        });
        return page("for-you", row, audience, page, size, null);
    }

    List<RowView> becauseYouWatched(Audience audience, int rows, int size) {
        if (rows < 1 || rows > MAX_BECAUSE_ROWS) {
            throw new InvalidField("rows", "must be between 1 and " + MAX_BECAUSE_ROWS);
        }
        checkPage(0, size);
        List<Ranked> all = personalList(audience, "because-you-watched", () -> {
            Context context = context(audience);
            List<Ranked> ranked = new ArrayList<>();
            for (WatchedFilm watched : context.watched()) {
                Film film = context.pool().films().get(watched.filmId().toString());
                if (film == null || !(watched.finished() || watched.fraction() >= Watch.MEANINGFUL)) {
                    continue;
                }
                List<Scored> similar = ranker.becauseYouWatched(context.pool(), context.viewer(), film.id(),
                        maxPageSize);
                if (!similar.isEmpty()) {
                    ranked.add(new Ranked(Reason.because(film).text(), cards(context, similar)));
                }
                if (ranked.size() == MAX_BECAUSE_ROWS) {
                    break;
                }
            }
            return ranked;
        });
        return all.stream().limit(rows).map(r -> page("because-you-watched", r, audience, 0, size, null)).toList();
    }

    RowView similar(UUID filmId, Audience audience, int page, int size) {
        checkPage(page, size);
        CatalogueFilm target = catalogue.find(filmId).orElseThrow(() -> new FilmNotFound(filmId));
        Ranked row = shared("similar:" + filmId + ":" + audience.scope(), () -> {
            Map<UUID, CatalogueFilm> watchable = catalogue.watchable(audience.territory(), audience.maturity());
            Map<String, Film> films = films(watchable.values());
            films.put(target.film().id(), target.film());
            Ranker.Pool pool = new Ranker.Pool(films, keys(watchable), scores.popularity(audience.territory()),
                    scores.neighboursOf(List.of(filmId)));
            return new Ranked("More like " + target.film().title(), cards(watchable,
                    ranker.similar(pool, target.film().id(), Set.of(), rowLength), Map.of()));
        });
        return page("similar", row, audience, page, size, null);
    }

    RowView trending(Audience audience, int page, int size) {
        checkPage(page, size);
        Ranked row = shared("trending:" + audience.scope(), () -> {
            Map<UUID, CatalogueFilm> watchable = catalogue.watchable(audience.territory(), audience.maturity());
            Reason reason = new Reason(Reason.Kind.TRENDING, "Trending in " + audience.territory(), null);
            List<Scored> ranked = scores.trending(audience.territory()).entrySet().stream()
                    .filter(e -> watchable.containsKey(UUID.fromString(e.getKey())))
                    .map(e -> new Scored(e.getKey(), e.getValue(), reason)).limit(rowLength).toList();
            return new Ranked("Trending in " + audience.territory(), cards(watchable, ranked, Map.of()));
        });
        return page("trending", row, audience, page, size, halfLife);
    }

    RowView latest(Audience audience, int page, int size) {
        checkPage(page, size);
        Ranked row = shared("latest:" + audience.scope(), () -> {
            Map<UUID, CatalogueFilm> watchable = catalogue.watchable(audience.territory(), audience.maturity());
            Reason reason = new Reason(Reason.Kind.NEW, "New in " + audience.territory(), null);
            List<Scored> ranked = watchable.values().stream()
                    .sorted(Comparator.comparing(CatalogueFilm::publishedAt,
                            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(CatalogueFilm::id))
                    .limit(rowLength).map(f -> new Scored(f.id().toString(), 0, reason)).toList();
            return new Ranked("New in " + audience.territory(), cards(watchable, ranked, Map.of()));
        });
        return page("latest", row, audience, page, size, null);
    }

    RowView genre(String genre, Audience audience, int page, int size) {
        if (genre == null || !GENRE.matcher(genre).matches()) {
            throw new InvalidField("genre", "must be a genre slug such as drama or pacific-stories");
        }
        checkPage(page, size);
        Ranked row = shared("genre:" + genre + ":" + audience.scope(), () -> {
            Map<UUID, CatalogueFilm> watchable = catalogue.watchable(audience.territory(), audience.maturity());
            Map<String, Double> popularity = scores.popularity(audience.territory());
            String title = "Top in " + Character.toUpperCase(genre.charAt(0)) + genre.substring(1).replace('-', ' ')
                    + " in " + audience.territory();
            Reason reason = new Reason(Reason.Kind.POPULAR, title, null);
            List<Scored> ranked = watchable.values().stream().filter(f -> f.film().genres().contains(genre))
                    .map(f -> new Scored(f.film().id(), popularity.getOrDefault(f.film().id(), 0.0), reason))
                    .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::filmId))
                    .limit(rowLength).toList();
            return new Ranked(title, cards(watchable, ranked, Map.of()));
        });
        return page("genre", row, audience, page, size, null);
    }

    RowView continueWatching(Audience audience, int page, int size) {
        checkPage(page, size);
        Ranked row = personal(audience, "continue-watching", () -> {
            Map<UUID, CatalogueFilm> watchable = catalogue.watchable(audience.territory(), audience.maturity());
            List<WatchedFilm> started = history.of(audience.userId()).stream().filter(WatchedFilm::inProgress)
                    .filter(w -> watchable.containsKey(w.filmId())).limit(rowLength).toList();
            Map<String, WatchedFilm> where = new HashMap<>();
            started.forEach(w -> where.put(w.filmId().toString(), w));
            List<Scored> ranked = started.stream().map(w -> new Scored(w.filmId().toString(), 0, new Reason(
                    Reason.Kind.CONTINUE, w.positionSeconds() == null || w.positionSeconds() == 0
                            ? "Continue watching" : "Continue from " + clock(w.positionSeconds()), null))).toList();
            return new Ranked("Continue watching", cards(watchable, ranked, where));
        });
        return page("continue-watching", row, audience, page, size, null);
    }

    /** Everything a personal row is ranked from, read once. */
    private record Context(Map<UUID, CatalogueFilm> watchable, List<WatchedFilm> watched, Ranker.Pool pool,
            Ranker.Viewer viewer) {
    }

    private Context context(Audience audience) {
        Map<UUID, CatalogueFilm> watchable = catalogue.watchable(audience.territory(), audience.maturity());
        List<WatchedFilm> watched = history.of(audience.userId());
        List<UUID> ids = watched.stream().map(WatchedFilm::filmId).toList();
        Map<String, Film> films = films(catalogue.known(ids).values());
        films.putAll(films(watchable.values()));
        Ranker.Pool pool = new Ranker.Pool(films, keys(watchable), scores.popularity(audience.territory()),
                scores.neighboursOf(ids));
        Ranker.Viewer viewer = new Ranker.Viewer(watched.stream().map(WatchedFilm::asWatch).toList(),
                audience.languages(), audience.genres(), audience.territory());
        return new Context(watchable, watched, pool, viewer);
    }

    private List<RecommendedFilm> cards(Context context, List<Scored> ranked) {
        return cards(context.watchable(), ranked, Map.of());
    }

    private static List<RecommendedFilm> cards(Map<UUID, CatalogueFilm> watchable, List<Scored> ranked,
            Map<String, WatchedFilm> where) {
        List<RecommendedFilm> cards = new ArrayList<>();
        for (Scored scored : ranked) {
            CatalogueFilm film = watchable.get(UUID.fromString(scored.filmId()));
            if (film == null) {
                continue;
            }
            WatchedFilm watched = where.get(scored.filmId());
            cards.add(new RecommendedFilm(film.id(), film.film().title(), film.film().genres(),
                    film.film().languages(), film.maturityRating(), film.releaseYear(), film.runtimeMinutes(),
                    film.offers(), scored.reason(), watched == null ? null : watched.positionSeconds(),
                    watched == null ? null : watched.lastAt()));
        }
        return cards;
    }

    private Ranked personal(Audience audience, String row, Supplier<Ranked> rank) {
        return cached(cache.viewerKey(audience.userId(), row + ":" + audience.scope()), rank);
    }

    private Ranked shared(String row, Supplier<Ranked> rank) {
        return cached(cache.sharedKey(row), rank);
    }

    private Ranked cached(Optional<String> key, Supplier<Ranked> rank) {
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            return json.readValue(hit.get(), Ranked.class);
        }
        Ranked row = rank.get();
        cache.put(key, json.writeValueAsString(row));
        return row;
    }

    private List<Ranked> personalList(Audience audience, String row, Supplier<List<Ranked>> rank) {
        Optional<String> key = cache.viewerKey(audience.userId(), row + ":" + audience.scope());
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            return List.of(json.readValue(hit.get(), Ranked[].class));
        }
        List<Ranked> rows = rank.get();
        cache.put(key, json.writeValueAsString(rows));
        return rows;
    }

    private void checkPage(int page, int size) {
        PageOf.request(page, size, maxPageSize, org.springframework.data.domain.Sort.unsorted());
    }

    private static RowView page(String kind, Ranked row, Audience audience, int page, int size, Duration halfLife) {
        List<RecommendedFilm> films = row.films();
        int from = (int) Math.min((long) page * size, films.size());
        int to = Math.min(from + size, films.size());
        PageOf<RecommendedFilm> p = PageOf.of(films.subList(from, to), page, size, films.size());
        return new RowView(kind, row.title(), audience.territory(), p.items(), p.page(), p.size(), p.totalItems(),
                p.totalPages(), halfLife);
    }

    private static Map<String, Film> films(java.util.Collection<CatalogueFilm> films) {
        Map<String, Film> byId = new LinkedHashMap<>();
        films.forEach(f -> byId.put(f.film().id(), f.film()));
        return byId;
    }

    private static List<String> keys(Map<UUID, CatalogueFilm> watchable) {
        return watchable.keySet().stream().map(UUID::toString).toList();
    }

    private static String clock(int seconds) {
        return seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
