package com.thewans.catalog.film;

public enum FilmStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
