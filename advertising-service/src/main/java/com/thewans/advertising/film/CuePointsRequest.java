package com.thewans.advertising.film;

import java.util.List;

import jakarta.validation.constraints.Size;

/** Where the film's mid-rolls go, in seconds from its start; null goes back to every N minutes. */
record CuePointsRequest(@Size(max = 50) List<Integer> cuePointsSeconds) {
}
