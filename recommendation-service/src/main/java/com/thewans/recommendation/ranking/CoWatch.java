package com.thewans.recommendation.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item-to-item collaborative filtering's raw material: for each pair of films, how many viewers
 * watched both, and for each film how many watched it. Similarity is the cosine of the two films'
 * audiences, {@code both / sqrt(a * b)}, damped for pairs seen by few viewers (a pair two people
 * happened to watch is not yet a pattern). The service keeps the counts in its schema and updates
 * them incrementally; the offline evaluation counts in memory with {@link #addViewer}.
 */
public final class CoWatch {

    /** Pairs with fewer viewers in common than this are damped by {@code both / (both + SHRINK)}. */
    public static final double SHRINK = 2.0;

    private final Map<String, Integer> audience = new HashMap<>();
    private final Map<String, Map<String, Integer>> together = new HashMap<>();

    public static double similarity(int both, int audienceA, int audienceB) {
        if (both <= 0 || audienceA <= 0 || audienceB <= 0) {
            return 0;
        }
        return both / Math.sqrt((double) audienceA * audienceB) * (both / (both + SHRINK));
    }

    /** Counts one viewer's meaningful watches. */
    public void addViewer(Collection<String> films) {
        List<String> distinct = films.stream().distinct().toList();
        for (String film : distinct) {
            audience.merge(film, 1, Integer::sum);
        }
        for (String a : distinct) {
            for (String b : distinct) {
                if (!a.equals(b)) {
                    together.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1, Integer::sum);
                }
            }
        }
    }

    /** The film's neighbours by similarity, best first, at most {@code limit}. */
    public List<Map.Entry<String, Double>> neighbours(String film, int limit) {
        Map<String, Integer> pairs = together.getOrDefault(film, Map.of());
        int a = audience.getOrDefault(film, 0);
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        pairs.forEach((other, both) -> scored.add(Map.entry(other,
                similarity(both, a, audience.getOrDefault(other, 0)))));
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return scored.size() > limit ? List.copyOf(scored.subList(0, limit)) : scored;
    }

    public int audience(String film) {
        return audience.getOrDefault(film, 0);
    }

    /** Every film's neighbours (top {@code limit}) as a lookup the ranker reads. */
    public Neighbours toNeighbours(int limit) {
        Map<String, Map<String, Double>> all = new HashMap<>();
        for (String film : together.keySet()) {
            Map<String, Double> top = new HashMap<>();
            neighbours(film, limit).forEach(e -> top.put(e.getKey(), e.getValue()));
            all.put(film, top);
        }
        return film -> all.getOrDefault(film, Map.of());
    }
}
