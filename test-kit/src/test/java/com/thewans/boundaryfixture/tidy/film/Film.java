package com.thewans.boundaryfixture.tidy.film;

import com.thewans.boundaryfixture.tidy.genre.Genre;
import com.thewans.common.problem.InvalidField;

/** Depends on genre one way, and on common. */
public class Film {
    public Genre genre;
    public InvalidField refusal;
}
