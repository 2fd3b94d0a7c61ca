package com.thewans.recommendation.ranking;

import java.util.Map;

/** A film's co-watch neighbours with their similarity (0..1): stored by the service, counted by the evaluation. */
@FunctionalInterface
public interface Neighbours {

    Map<String, Double> of(String filmId);

    Neighbours NONE = film -> Map.of();
}
