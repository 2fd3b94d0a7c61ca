package com.thewans.royalty.report;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;
import com.thewans.royalty.period.Period;
import com.thewans.royalty.statement.StatementReader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/royalty")
@Tag(name = "Royalty reports", description = "Earnings per film, a creator's statements (their own only), the "
        + "platform's summary per period, as JSON, CSV or PDF.")
class ReportController {

    private final Reports reports;
    private final StatementReader statements;
    private final StatementDocuments documents;

    ReportController(Reports reports, StatementReader statements, StatementDocuments documents) {
        this.reports = reports;
        this.statements = statements;
        this.documents = documents;
    }

    @GetMapping("/film/{filmId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    @Operation(summary = "A film's earnings by period and revenue kind, and each party's part (its producer, or admins)")
    @ApiResponse(responseCode = "403", description = "Not the film's producer (`forbidden`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Reports.FilmReport film(@PathVariable UUID filmId, @AuthenticationPrincipal CurrentUser caller) {
        return reports.film(filmId, caller);
    }

    @GetMapping("/creator/{creatorId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    @Operation(summary = "A party's statements (optionally of one period) and totals: issued, draft, paid, unpaid")
    @ApiResponse(responseCode = "403", description = "A creator asking for someone else's (`forbidden`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Reports.CreatorReport creator(@PathVariable UUID creatorId, @RequestParam(required = false) String period,
            @AuthenticationPrincipal CurrentUser caller) {
        return reports.creator(creatorId, period == null ? null : Period.parse(period), caller);
    }

    @GetMapping(path = "/creator/{creatorId}/statements.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    @Operation(summary = "A party's statements of one period as CSV, one row per line")
    @ApiResponse(responseCode = "403", description = "A creator asking for someone else's (`forbidden`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> creatorCsv(@PathVariable UUID creatorId, @RequestParam String period,
            @AuthenticationPrincipal CurrentUser caller) {
        Period p = Period.parse(period);
        StatementReader.requireOwnOrAdmin(caller, creatorId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=royalty-" + p + "-" + creatorId + ".csv")
                .body(documents.csv(statements.ofParty(creatorId, p)));
    }

    @GetMapping(path = "/creator/{creatorId}/statement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    @Operation(summary = "A party's statement of one period as a PDF")
    @ApiResponse(responseCode = "200", description = "the PDF",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @ApiResponse(responseCode = "403", description = "A creator asking for someone else's (`forbidden`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<byte[]> creatorPdf(@PathVariable UUID creatorId, @RequestParam String period,
            @AuthenticationPrincipal CurrentUser caller) {
        Period p = Period.parse(period);
        StatementReader.requireOwnOrAdmin(caller, creatorId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=royalty-" + p + "-" + creatorId + ".pdf")
                .body(documents.pdf(creatorId, p, statements.ofParty(creatorId, p)));
    }

    @GetMapping("/report")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The platform's summary of a period: revenue by kind, allocated by role, held, payouts")
    Reports.PlatformReport report(@RequestParam String period) {
        return reports.platform(Period.parse(period));
    }

    @GetMapping(path = "/report/statements.csv", produces = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every statement of a period as CSV, one row per line")
    ResponseEntity<String> reportCsv(@RequestParam String period) {
        Period p = Period.parse(period);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=royalty-" + p + ".csv")
                .body(documents.csv(statements.ofPeriod(p)));
    }
}
