package com.thewans.payment.purchase;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.ProblemAnswers;
import com.thewans.payment.coupon.Coupons;
import com.thewans.payment.plan.Plan;
import com.thewans.payment.plan.Plans;
import com.thewans.payment.web.Money;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Coupons")
class CouponCheckController {

    /** The price the viewer would pay with the coupon, as the purchase would work it out now. */
    record CouponCheck(String code, boolean valid, PurchaseRequest.Kind kind, String plan, Money listPrice,
            Money discount, Money price) {
    }

    private final Offers offers;
    private final Plans plans;
    private final Coupons coupons;
    private final Territories territories;

    CouponCheckController(Offers offers, Plans plans, Coupons coupons, Territories territories) {
        this.offers = offers;
        this.plans = plans;
        this.coupons = coupons;
        this.territories = territories;
    }

    @PostMapping("/api/coupons/validate")
    @Operation(summary = "Check a coupon against a film's offer in the viewer's territory, or a plan's first paid"
            + " period: the price it leaves")
    @ApiResponse(responseCode = "404", description = "No such coupon (`coupon-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "Expired or withdrawn (`coupon-expired`), used up"
            + " (`coupon-exhausted`), not for this (`coupon-not-applicable`), or the film is not on sale that way"
            + " (`offer-not-available`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    CouponCheck validate(@Valid @RequestBody CouponCheckRequest request, HttpServletRequest http) {
        if (request.forPlan()) {
            Plan plan = plans.get(request.plan());
            long price = plan.priceIn(request.currency());
            Coupons.Discount discount = coupons.quote(request.code(), Transaction.Kind.SUBSCRIPTION.name(), plan.code(),
                    price, request.currency());
            return new CouponCheck(discount.code(), true, null, plan.code(), new Money(price, request.currency()),
                    new Money(discount.amountOff(), request.currency()),
                    new Money(price - discount.amountOff(), request.currency()));
        }
        Transaction.Kind kind = request.kind().asTransactionKind();
        long price = offers.price(request.filmId(), kind, territories.of(http), request.currency()).amount();
        Coupons.Discount discount = coupons.quote(request.code(), kind.name(), null, price, request.currency());
        return new CouponCheck(discount.code(), true, request.kind(), null, new Money(price, request.currency()),
                new Money(discount.amountOff(), request.currency()),
                new Money(price - discount.amountOff(), request.currency()));
    }
}
