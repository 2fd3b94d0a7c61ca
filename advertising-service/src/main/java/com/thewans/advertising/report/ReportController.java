package com.thewans.advertising.report;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Reports", description = "Per campaign and day: impressions, clicks, CTR, completion, spend, by territory")
class ReportController {

    private final CampaignReports reports;

    ReportController(CampaignReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/ads/campaigns/{id}/report")
    @Operation(summary = "A campaign's report per (UTC) day and territory; the flight by default")
    CampaignReport report(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.report(id, from, to);
    }

    @GetMapping("/api/ads/campaigns/{id}/report.csv")
    @Operation(summary = "The same report as CSV")
    ResponseEntity<String> csv(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CampaignReport report = reports.report(id, from, to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + id + ".csv\"")
                .body(reports.csv(report));
    }
}
