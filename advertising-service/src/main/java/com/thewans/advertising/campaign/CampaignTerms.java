package com.thewans.advertising.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.problem.Problems;

/** The money and flight rules every campaign keeps, checked together so an admin sees every mistake at once. */
final class CampaignTerms {

    static final int MAX_FREQUENCY_CAP = 100;

    private CampaignTerms() {
    }

    static void check(Instant startsAt, Instant endsAt, long totalBudget, long dailyBudget, long cpm, int priority,
            Integer frequencyCap) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new Problems.FieldError("endsAt", "the flight must end after it starts"));
        }
        if (totalBudget <= 0) {
            errors.add(new Problems.FieldError("totalBudget", "must be a positive amount in minor units"));
        }
        if (dailyBudget <= 0) {
            errors.add(new Problems.FieldError("dailyBudget", "must be a positive amount in minor units"));
        } else if (totalBudget > 0 && dailyBudget > totalBudget) {
            errors.add(new Problems.FieldError("dailyBudget", "cannot be more than the total budget"));
        }
        if (cpm <= 0) {
            errors.add(new Problems.FieldError("cpm", "must be a positive price per thousand impressions"));
        }
        if (priority < 1 || priority > 10) {
            errors.add(new Problems.FieldError("priority", "must be from 1 (lowest) to 10 (highest)"));
        }
        if (frequencyCap != null && (frequencyCap < 1 || frequencyCap > MAX_FREQUENCY_CAP)) {
            errors.add(new Problems.FieldError("frequencyCap", "must be from 1 to " + MAX_FREQUENCY_CAP
                    + " ads per viewer per day"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
    }
}
