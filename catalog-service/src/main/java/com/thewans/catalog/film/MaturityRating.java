package com.thewans.catalog.film;

/** Classification in the PNG / Australasian style: general, parental guidance, mature, 15+, 18+. */
public enum MaturityRating {
    G, PG, M, MA15, R18
}
