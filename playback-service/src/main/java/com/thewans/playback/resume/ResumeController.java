package com.thewans.playback.resume;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Continue watching: the films the caller left part-way, most recent first. */
@RestController
@Tag(name = "Resume", description = "Where the viewer left each film they have not finished (continue watching)")
class ResumeController {

    static final int MAX_LIMIT = 100;

    private final ResumePositions positions;

    ResumeController(ResumePositions positions) {
        this.positions = positions;
    }

    @GetMapping("/api/playback/resume")
    @Operation(summary = "The caller's unfinished films with where they left each, most recent first (limit 1..100)")
    List<ResumePosition> resume(@RequestParam(defaultValue = "20") int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return positions.continueWatching(viewer.userId(), limit);
    }
}
