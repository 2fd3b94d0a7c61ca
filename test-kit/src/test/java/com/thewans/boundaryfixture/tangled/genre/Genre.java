package com.thewans.boundaryfixture.tangled.genre;

import com.thewans.boundaryfixture.tangled.film.Film;

public class Genre {
    public Film mostWatched;
}
