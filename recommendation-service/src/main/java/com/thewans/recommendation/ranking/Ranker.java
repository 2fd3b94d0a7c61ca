package com.thewans.recommendation.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ranking core: popularity, item-to-item collaborative filtering, the hybrid "for you" with
 * genre diversity, and similar films. Plain Java over plain data (no Spring, no database), so the
 * service and the offline evaluation in bench/ run exactly the same code.
 *
 * <p>The hybrid adds four normalised signals: co-watch (how strongly the films the viewer watched
 * pull a candidate, from {@link Neighbours}), genre affinity and language affinity (shares of the
 * viewer's weighted history, plus what the profile states), and popularity in the territory (log
 * scaled, so a hit does not drown everything). The best few times the row length are then
 * re-ranked with maximal marginal relevance: each next pick trades score against genre overlap with
 * what is already picked, so one genre does not fill the row.
 */
public final class Ranker {

    /** How much each signal weighs in the hybrid, and how much diversity the re-ranking buys (0: none). */
    public record Weights(double coWatch, double genre, double language, double popularity, double diversity) {

        public static final Weights DEFAULT = new Weights(0.5, 0.3, 0.1, 0.1, 0.25);
    }

    /**
     * Who the row is for: their history (any order), the languages and genres their profile states,
     * and the territory they watch in (for the words of a reason).
     */
    public record Viewer(List<Watch> history, Set<String> languages, Set<String> genres, String territory) {

        public Viewer {
            history = history == null ? List.of() : List.copyOf(history);
            languages = languages == null ? Set.of() : Set.copyOf(languages);
            genres = genres == null ? Set.of() : Set.copyOf(genres);
            territory = territory == null ? "your area" : territory;
        }
    }

    /**
     * What may be ranked: every film known (to name history films), the candidates the viewer may
     * watch now, popularity by film (any scale, e.g. decayed views), co-watch neighbours.
     */
    public record Pool(Map<String, Film> films, Collection<String> candidates, Map<String, Double> popularity,
            Neighbours neighbours) {

        public Pool {
            films = films == null ? Map.of() : films;
            candidates = candidates == null ? List.of() : candidates;
            popularity = popularity == null ? Map.of() : popularity;
            neighbours = neighbours == null ? Neighbours.NONE : neighbours;
        }
    }

    /** Older history counts less: a watch a month before the viewer's latest counts half. */
    private static final TimeDecay HISTORY_DECAY = new TimeDecay(Duration.ofDays(30));
    /** Stated profile languages and genres count like this share of a history. */
    private static final double STATED = 0.5;

    private final Weights weights;

    public Ranker(Weights weights) {
        this.weights = weights;
    }

    public Ranker() {
        this(Weights.DEFAULT);
    }

    /** Most popular first, nudged towards the profile's languages and genres (a new viewer's row). */
    public List<Scored> popular(Pool pool, Viewer viewer, int limit) {
        Set<String> seen = seen(viewer);
        double maxPop = maxPopularity(pool);
        List<Scored> scored = new ArrayList<>();
        for (String id : pool.candidates()) {
            Film film = pool.films().get(id);
            if (film == null || seen.contains(id)) {
                continue;
            }
            double pop = popularity(pool, id, maxPop);
            boolean speaks = intersects(film.languages(), viewer.languages());
            boolean likes = intersects(film.genres(), viewer.genres());
            double score = pop + (speaks ? 0.3 : 0) + (likes ? 0.3 : 0);
            Reason reason = likes ? new Reason(Reason.Kind.YOU_LIKE_THE_GENRE, "Because you like "
                    + first(film.genres(), viewer.genres()), null)
                    : speaks ? inLanguage(first(film.languages(), viewer.languages()), viewer.territory())
                    : Reason.popularIn(viewer.territory());
            scored.add(new Scored(id, score, reason));
        }
        return top(scored, limit);
    }

    /** Item-to-item collaborative filtering alone: films watched by those who watched the viewer's films. */
    public List<Scored> itemToItem(Pool pool, Viewer viewer, int limit) {
        Map<String, Double> weightOf = historyWeights(viewer);
        Set<String> seen = seen(viewer);
        Set<String> candidates = new HashSet<>(pool.candidates());
        Map<String, Double> cf = new HashMap<>();
        Map<String, String> strongest = new HashMap<>();
        coWatch(pool, weightOf, seen, candidates, cf, strongest);
        double maxPop = maxPopularity(pool);
        List<Scored> scored = new ArrayList<>();
        cf.forEach((id, score) -> {
            Film because = pool.films().get(strongest.get(id));
            scored.add(new Scored(id, score + 1e-6 * popularity(pool, id, maxPop), because == null
                    ? Reason.popularIn(viewer.territory()) : Reason.because(because)));
        });
        return top(scored, limit);
    }

    /** The hybrid "for you" row; a viewer with no history gets {@link #popular}. */
    public List<Scored> forYou(Pool pool, Viewer viewer, int limit) {
        Map<String, Double> weightOf = historyWeights(viewer);
        if (weightOf.isEmpty()) {
            return popular(pool, viewer, limit);
        }
        Set<String> seen = seen(viewer);
        Set<String> candidates = new HashSet<>(pool.candidates());
        Map<String, Double> cf = new HashMap<>();
        Map<String, String> strongest = new HashMap<>();
        coWatch(pool, weightOf, seen, candidates, cf, strongest);
        double maxCf = cf.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);

        Map<String, Double> genreShare = shares(pool, weightOf, Film::genres, viewer.genres());
        Map<String, Double> languageShare = shares(pool, weightOf, Film::languages, viewer.languages());
        double maxPop = maxPopularity(pool);
        List<Scored> scored = new ArrayList<>();
        for (String id : candidates) {
            Film film = pool.films().get(id);
            if (film == null || seen.contains(id)) {
                continue;
            }
            double coWatch = weights.coWatch() * (maxCf > 0 ? cf.getOrDefault(id, 0.0) / maxCf : 0);
            double genre = weights.genre() * Math.min(1, film.genres().stream()
                    .mapToDouble(g -> genreShare.getOrDefault(g, 0.0)).sum());
            double language = weights.language() * film.languages().stream()
                    .mapToDouble(l -> languageShare.getOrDefault(l, 0.0)).max().orElse(0);
            double pop = weights.popularity() * popularity(pool, id, maxPop);
            double score = coWatch + genre + language + pop;
            scored.add(new Scored(id, score, reason(pool, viewer, weightOf, film, strongest.get(id), coWatch, genre,
                    language, pop)));
        }
        return diversify(pool, top(scored, Math.max(limit * 5, 50)), limit);
    }

    /**
     * Films like this one: co-watch similarity blended with content similarity (genres, languages,
     * the people in the credits), so a film nobody has watched yet still has neighbours.
     */
    public List<Scored> similar(Pool pool, String filmId, Set<String> exclude, int limit) {
        Film target = pool.films().get(filmId);
        if (target == null) {
            return List.of();
        }
        Map<String, Double> together = pool.neighbours().of(filmId);
        double maxPop = maxPopularity(pool);
        List<Scored> scored = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(pool.candidates())) {
            Film film = pool.films().get(id);
            if (film == null || id.equals(filmId) || exclude.contains(id)) {
                continue;
            }
            double coWatch = 0.6 * together.getOrDefault(id, 0.0);
            double genres = jaccard(target.genres(), film.genres());
            boolean speaks = intersects(target.languages(), film.languages());
            boolean samePeople = intersects(target.people(), film.people());
            double content = 0.4 * (0.6 * genres + 0.25 * (speaks ? 1 : 0) + 0.15 * (samePeople ? 1 : 0));
            if (coWatch + content <= 0) {
                continue;
            }
            Reason reason;
            if (coWatch >= content) {
                reason = new Reason(Reason.Kind.WATCHED_TOGETHER, "Viewers who watched " + target.title()
                        + " watched this too", filmId);
            } else if (samePeople && genres < 0.5) {
                reason = new Reason(Reason.Kind.SAME_PEOPLE, "From the makers of " + target.title(), filmId);
            } else if (genres > 0) {
                reason = new Reason(Reason.Kind.LIKE_THIS_FILM, "Also " + first(film.genres(), target.genres())
                        + ", like " + target.title(), filmId);
            } else {
                reason = new Reason(Reason.Kind.LIKE_THIS_FILM, "Like " + target.title(), filmId);
            }
            scored.add(new Scored(id, coWatch + content + 1e-6 * popularity(pool, id, maxPop), reason));
        }
        return top(scored, limit);
    }

    /** "Because you watched X": films like X the viewer has not watched, each with that reason. */
    public List<Scored> becauseYouWatched(Pool pool, Viewer viewer, String watchedId, int limit) {
        Film watched = pool.films().get(watchedId);
        if (watched == null) {
            return List.of();
        }
        return similar(pool, watchedId, seen(viewer), limit).stream()
                .map(s -> new Scored(s.filmId(), s.score(), Reason.because(watched))).toList();
    }

    private void coWatch(Pool pool, Map<String, Double> weightOf, Set<String> seen, Set<String> candidates,
            Map<String, Double> cf, Map<String, String> strongest) {
        Map<String, Double> best = new HashMap<>();
        weightOf.forEach((watched, w) -> pool.neighbours().of(watched).forEach((other, similarity) -> {
            if (seen.contains(other) || !candidates.contains(other)) {
                return;
            }
            double pull = w * similarity;
            cf.merge(other, pull, Double::sum);
            if (pull > best.getOrDefault(other, 0.0)) {
                best.put(other, pull);
                strongest.put(other, watched);
            }
        }));
    }

    private Reason reason(Pool pool, Viewer viewer, Map<String, Double> weightOf, Film film, String strongest,
            double coWatch, double genre, double language, double pop) {
        if (coWatch > 0 && coWatch >= genre && pool.films().containsKey(strongest)) {
            return Reason.because(pool.films().get(strongest));
        }
        if (genre > 0 && genre >= language) {
            // the watched film that shares most with this one, weighted by how much it counts
            Film because = weightOf.entrySet().stream()
                    .filter(e -> pool.films().containsKey(e.getKey()))
                    .filter(e -> intersects(pool.films().get(e.getKey()).genres(), film.genres()))
                    .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> pool.films().get(e.getKey())).orElse(null);
            if (because != null) {
                return Reason.because(because);
            }
            return new Reason(Reason.Kind.YOU_LIKE_THE_GENRE, "Because you like "
                    + first(film.genres(), viewer.genres()), null);
        }
        if (language > 0 && language >= pop) {
            return inLanguage(first(film.languages(), film.languages()), viewer.territory());
        }
        return Reason.popularIn(viewer.territory());
    }

    /** Maximal marginal relevance over genres: lambda * relevance - (1 - lambda) * overlap with the picks. */
    private List<Scored> diversify(Pool pool, List<Scored> ranked, int limit) {
        if (ranked.isEmpty() || weights.diversity() <= 0) {
            return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
        }
        double lambda = 1 - weights.diversity();
        double topScore = Math.max(ranked.get(0).score(), 1e-9);
        List<Scored> left = new ArrayList<>(ranked);
        List<Scored> picked = new ArrayList<>();
        while (picked.size() < limit && !left.isEmpty()) {
            Scored best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (Scored candidate : left) {
                Set<String> genres = genresOf(pool, candidate.filmId());
                double overlap = picked.stream().mapToDouble(p -> jaccard(genres, genresOf(pool, p.filmId())))
                        .max().orElse(0);
                double value = lambda * candidate.score() / topScore - (1 - lambda) * overlap;
                if (value > bestValue) {
                    bestValue = value;
                    best = candidate;
                }
            }
            picked.add(best);
            left.remove(best);
        }
        return picked;
    }

    private static Set<String> genresOf(Pool pool, String id) {
        Film film = pool.films().get(id);
        return film == null ? Set.of() : film.genres();
    }

    /** Each history film's weight: how much was watched, less for older watches (relative to the latest). */
    private static Map<String, Double> historyWeights(Viewer viewer) {
        Instant latest = viewer.history().stream().map(Watch::at).max(Comparator.naturalOrder()).orElse(null);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Watch watch : viewer.history()) {
            double w = Math.max(watch.fraction(), 0.1) * HISTORY_DECAY.weight(Duration.between(watch.at(), latest));
            weights.merge(watch.filmId(), w, Math::max);
        }
        return weights;
    }

    /** Each genre's (or language's) share of the weighted history, plus what the profile states. */
    private static Map<String, Double> shares(Pool pool, Map<String, Double> weightOf,
            java.util.function.Function<Film, Set<String>> of, Set<String> stated) {
        Map<String, Double> share = new HashMap<>();
        double total = 0;
        for (var e : weightOf.entrySet()) {
            Film film = pool.films().get(e.getKey());
            if (film == null || of.apply(film).isEmpty()) {
                continue;
            }
            total += e.getValue();
            for (String value : of.apply(film)) {
                share.merge(value, e.getValue() / of.apply(film).size(), Double::sum);
            }
        }
        double sum = total;
        if (sum > 0) {
            share.replaceAll((k, v) -> v / sum);
        }
        for (String value : stated) {
            share.merge(value, STATED, (a, b) -> Math.min(1, a + b));
        }
        return share;
    }

    private static Set<String> seen(Viewer viewer) {
        Set<String> seen = new HashSet<>();
        viewer.history().forEach(w -> seen.add(w.filmId()));
        return seen;
    }

    private static double maxPopularity(Pool pool) {
        return pool.popularity().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double popularity(Pool pool, String id, double max) {
        return max <= 0 ? 0 : Math.log1p(pool.popularity().getOrDefault(id, 0.0)) / Math.log1p(max);
    }

    private static List<Scored> top(List<Scored> scored, int limit) {
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::filmId));
        return scored.size() > limit ? List.copyOf(scored.subList(0, limit)) : scored;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long both = a.stream().filter(b::contains).count();
        return (double) both / (a.size() + b.size() - both);
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    /** The first (alphabetically, so reasons are stable) of {@code values} also in {@code preferred}, else of values. */
    private static String first(Set<String> values, Set<String> preferred) {
        TreeSet<String> both = new TreeSet<>(values);
        both.retainAll(preferred);
        String value = both.isEmpty() ? new TreeSet<>(values).stream().findFirst().orElse("") : both.first();
        return capitalised(value);
    }

    private static String capitalised(String slug) {
        return slug.isEmpty() ? slug : Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
    }

    private static Reason inLanguage(String language, String territory) {
        String name = Locale.forLanguageTag(language.toLowerCase(Locale.ROOT)).getDisplayLanguage(Locale.ENGLISH);
        return new Reason(Reason.Kind.IN_YOUR_LANGUAGE, "Popular in " + territory + ", in "
                + (name.isBlank() ? language : name), null);
    }
}
