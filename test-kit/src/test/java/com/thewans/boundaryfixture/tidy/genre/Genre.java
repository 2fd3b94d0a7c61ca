package com.thewans.boundaryfixture.tidy.genre;

public class Genre {
}
