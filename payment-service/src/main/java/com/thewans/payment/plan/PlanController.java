package com.thewans.payment.plan;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "The subscription plans on sale: price per currency, billing interval, trial,"
        + " how many screens at once, the highest quality and whether ads are shown. Anyone may read them; admins"
        + " add and retire plans (subscribers keep a retired plan).")
class PlanController {

    private final Plans plans;

    PlanController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "The plans on sale, cheapest first (admins may add retired=true to see retired ones too)")
    List<PlanView> all(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "false") boolean retired) {
        return plans.all(retired && user != null && user.isAdmin()).stream().map(PlanView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One plan by its code")
    @ApiResponse(responseCode = "404", description = "No such plan (`plan-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PlanView one(@PathVariable String code) {
        return PlanView.of(plans.get(code));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a plan (admins, audited)")
    @ApiResponse(responseCode = "409", description = "The code is taken (`plan-exists`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PlanView create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            value = """
                    {"code": "family", "name": "Family", "interval": "MONTH", "trialDays": 7, "maxStreams": 4,
                     "maxQuality": "1080p", "withAds": false,
                     "prices": [{"amount": 4900, "currency": "PGK"}, {"amount": 1299, "currency": "USD"}]}""")))
            @Valid @RequestBody NewPlanRequest request) {
        return PlanView.of(plans.create(request));
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Retire a plan (admins, audited): no new subscribers; the ones on it keep it")
    @ApiResponse(responseCode = "404", description = "No such plan (`plan-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PlanView retire(@PathVariable String code) {
        return PlanView.of(plans.retire(code));
    }
}
