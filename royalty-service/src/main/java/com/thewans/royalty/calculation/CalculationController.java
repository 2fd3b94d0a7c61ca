package com.thewans.royalty.calculation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.ProblemAnswers;
import com.thewans.royalty.period.Period;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/royalty")
@Tag(name = "Calculations", description = "Statements per party, film and currency worked out from the revenue "
        + "ledger for a month; periods close in order and then never change (admins; also monthly on schedule).")
class CalculationController {

    record CalculateRequest(
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month like 2026-12") String period) {
    }

    private final RoyaltyCalculation calculation;
    private final JdbcTemplate jdbc;

    CalculationController(RoyaltyCalculation calculation, JdbcTemplate jdbc) {
        this.calculation = calculation;
        this.jdbc = jdbc;
    }

    @PostMapping("/calculate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Calculate an open period's statements as drafts (re-running gives the same result)")
    @ApiResponse(responseCode = "409", description = "The period is closed (`period-closed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "The period has not begun (`period-not-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    RoyaltyCalculation.Result calculate(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"period\": \"2026-11\"}")))
            @Valid @RequestBody CalculateRequest request) {
        return calculation.calculate(Period.parse(request.period()));
    }

    @PostMapping("/periods/{period}/close")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Close an ended period: calculate, issue and seal its statements, carry what was held")
    @ApiResponse(responseCode = "409", description = "Closed already (`period-closed`), or an earlier period with "
            + "revenue is open (`earlier-period-open`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "The period has not ended (`period-not-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    RoyaltyCalculation.Result close(@PathVariable String period) {
        return calculation.close(Period.parse(period));
    }

    @GetMapping("/held")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revenue held at the last calculation of each period: films without an agreement, "
            + "SVOD pools nobody watched in (carried to the next period when it closes)")
    List<HeldView> held() {
        return jdbc.query("""
                select period, film_id, territory, revenue_kind, currency, amount, reason from held_revenue
                order by period desc, film_id nulls first, revenue_kind, currency limit 1000""",
                (rs, i) -> new HeldView(Period.of(rs.getDate(1).toLocalDate()).toString(),
                        rs.getObject(2, java.util.UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7)));
    }

    record HeldView(String period, java.util.UUID filmId, String territory, String revenueKind, String currency,
            long amount, String reason) {
    }

}
