package com.thewans.identity.profile;

/**
 * Classifications, mildest first, as the Pacific's distributors label films (the Australian
 * scheme most of them follow). A profile's limit is the strongest rating it may watch.
 */
public enum MaturityRating {
    G, PG, M, MA15, R18
}
