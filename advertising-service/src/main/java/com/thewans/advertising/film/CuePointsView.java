package com.thewans.advertising.film;

import java.util.List;
import java.util.UUID;

/** A film's breaks: pre-roll, these mid-rolls (creator-set or every N minutes), post-roll. */
record CuePointsView(UUID filmId, Integer runtimeMinutes, boolean creatorSet, List<Integer> midRollsSeconds) {
}
