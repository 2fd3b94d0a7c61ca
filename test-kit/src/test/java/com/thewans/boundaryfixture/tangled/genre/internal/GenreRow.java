package com.thewans.boundaryfixture.tangled.genre.internal;

public class GenreRow {
}
