package com.thewans.recommendation.ranking;

/** A ranked film with its score (only comparable within one row) and the reason it is there. */
public record Scored(String filmId, double score, Reason reason) {
}
