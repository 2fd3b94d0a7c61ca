package com.thewans.playback.resume;

/**
 * Jellyfin's resume rules: under 5 % watched leaves no resume point (a look at the opening), past
 * 90 % counts as finished and clears it (the credits are not worth resuming). In between, the
 * position is where the viewer comes back to.
 */
public final class ResumeRule {

    static final double MIN_SHARE = 0.05;
    static final double FINISHED_SHARE = 0.90;

    public enum Outcome { TOO_EARLY, RESUMABLE, FINISHED }

    private ResumeRule() {
    }

    public static Outcome of(int positionSeconds, int durationSeconds) {
        if (durationSeconds <= 0) {
            return Outcome.TOO_EARLY;
        }
        double share = (double) positionSeconds / durationSeconds;
        return share >= FINISHED_SHARE ? Outcome.FINISHED : share < MIN_SHARE ? Outcome.TOO_EARLY : Outcome.RESUMABLE;
    }
}
