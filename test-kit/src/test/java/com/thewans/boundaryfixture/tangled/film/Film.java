package com.thewans.boundaryfixture.tangled.film;

import com.thewans.boundaryfixture.tangled.genre.Genre;
import com.thewans.boundaryfixture.tangled.genre.internal.GenreRow;

/** Depends on genre, which depends back on it, and reaches into genre's internals. */
public class Film {
    public Genre genre;
    public GenreRow row;
}
