package com.thewans.advertising.campaign;

import java.time.LocalTime;

/**
 * A part of the viewer's day, in the viewer's local time, from {@code from} up to (not including)
 * {@code to}; a daypart that ends before it starts runs over midnight (22:00-02:00).
 */
public record Daypart(LocalTime from, LocalTime to) {

    public Daypart {
        if (from == null || to == null || from.equals(to)) {
            throw new IllegalArgumentException("a daypart has a start and a different end");
        }
    }

    public boolean contains(LocalTime time) {
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }
}
