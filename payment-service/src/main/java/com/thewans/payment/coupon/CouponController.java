package com.thewans.payment.coupon;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/coupons")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Coupons", description = "Admins create and withdraw coupons: a percentage or an amount per currency off"
        + " the purchase kinds (and plans) they name, limited in time, in all and per viewer. Viewers check one with"
        + " POST /api/coupons/validate and name it when they buy.")
class CouponController {

    private final Coupons coupons;

    CouponController(Coupons coupons) {
        this.coupons = coupons;
    }

    @GetMapping
    @Operation(summary = "Every coupon, newest first, with how many uses are taken (admins)")
    List<CouponView> all() {
        return coupons.all().stream().map(CouponView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One coupon (admins)")
    @ApiResponse(responseCode = "404", description = "No such coupon (`coupon-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    CouponView one(@PathVariable String code) {
        return CouponView.of(coupons.get(code));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a coupon (admins, audited); codes are not case-sensitive")
    @ApiResponse(responseCode = "409", description = "The code is taken (`coupon-exists`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    CouponView create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            value = """
                    {"code": "KUNDU25", "description": "25% off rentals for the Kundu festival", "percentOff": 25,
                     "appliesTo": ["RENTAL"], "validUntil": "2027-01-31T00:00:00Z", "maxRedemptions": 500,
                     "maxPerUser": 1}""")))
            @Valid @RequestBody NewCouponRequest request) {
        return CouponView.of(coupons.create(request));
    }

    @PatchMapping("/{code}")
    @Operation(summary = "Change a coupon's description, end and limits (admins, audited); what it takes off stays")
    @ApiResponse(responseCode = "400", description = "A limit below the uses taken, or an end before its start"
            + " (`validation-failed`)", content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such coupon (`coupon-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    CouponView change(@PathVariable String code,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = """
                            {"validUntil": "2027-02-28T00:00:00Z", "maxRedemptions": 1000}""")))
            @Valid @RequestBody CouponChangeRequest request) {
        return CouponView.of(coupons.change(code, request));
    }

    @PostMapping("/{code}/disable")
    @Operation(summary = "Withdraw a coupon (admins, audited): no new uses; payments holding one keep it")
    @ApiResponse(responseCode = "404", description = "No such coupon (`coupon-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    CouponView disable(@PathVariable String code) {
        return CouponView.of(coupons.disable(code));
    }
}
