package com.thewans.advertising.decision;

/** Where in the film a break falls: before it, at a cue point, after it. */
enum BreakKind {
    PREROLL, MIDROLL, POSTROLL
}
