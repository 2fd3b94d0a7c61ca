package com.thewans.common.web;

import com.thewans.common.problem.Problems;

/**
 * The pieces of an {@code @ApiResponse} for a problem answer, so a controller names only the
 * status and the code: {@code content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE,
 * schema = @Schema(ref = ProblemAnswers.SCHEMA))}. The schema is the one {@link ApiDocumentation}
 * adds to every service's document.
 */
public final class ProblemAnswers {

    public static final String MEDIA_TYPE = Problems.MEDIA_TYPE;
    public static final String SCHEMA = "#/components/schemas/" + ApiDocumentation.PROBLEM_SCHEMA;

    private ProblemAnswers() {
    }
}
