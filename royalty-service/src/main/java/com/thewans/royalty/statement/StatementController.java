package com.thewans.royalty.statement;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/royalty/statements")
@Tag(name = "Statements", description = "One party's earnings from one film in one currency for a month, sealed "
        + "with SHA-256 and chained to the party's previous statement when the month closes.")
class StatementController {

    private final StatementReader statements;

    StatementController(StatementReader statements) {
        this.statements = statements;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    @Operation(summary = "One statement (its party, or an admin)")
    @ApiResponse(responseCode = "403", description = "Another party's statement (`forbidden`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such statement (`statement-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    StatementView get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller) {
        return statements.get(id, caller);
    }

    @GetMapping("/{id}/verify")
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    @Operation(summary = "Re-compute the party's hash chain up to this statement")
    @ApiResponse(responseCode = "409", description = "A draft has no seal yet (`statement-not-issued`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ChainVerification verify(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller) {
        return statements.verify(id, caller);
    }
}
