package com.thewans.royalty.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import com.thewans.royalty.agreement.AgreementTerms;
import com.thewans.royalty.agreement.PartyRole;
import com.thewans.royalty.agreement.RevenueKind;

/** A platform fee off the top, a distributor recouping up to a cap across periods, then shares. */
class WaterfallProperties {

    static final UUID PRODUCER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID DISTRIBUTOR = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID PLATFORM = UUID.fromString("00000000-0000-0000-0000-000000000003");

    static AgreementTerms terms(int feeBps, long cap, int producerBps) {
        return new AgreementTerms(List.of(
                new AgreementTerms.Step(AgreementTerms.StepKind.FEE, PLATFORM, PartyRole.PLATFORM, feeBps, null, null),
                new AgreementTerms.Step(AgreementTerms.StepKind.RECOUP, DISTRIBUTOR, PartyRole.DISTRIBUTOR, null, cap,
                        "PGK")),
                Map.of(AgreementTerms.DEFAULT, List.of(
                        new AgreementTerms.Share(PRODUCER, PartyRole.PRODUCER, producerBps),
                        new AgreementTerms.Share(DISTRIBUTOR, PartyRole.DISTRIBUTOR, 10_000 - producerBps))));
    }

    @Property
    void thePartiesTakesAddUpToTheRevenueOfEveryKindAndNoneIsNegative(
            @ForAll @IntRange(min = 0, max = 10_000) int feeBps, @ForAll @LongRange(min = 1, max = 10_000_000) long cap,
            @ForAll @IntRange(min = 0, max = 10_000) int producerBps,
            @ForAll @LongRange(min = 0, max = 100_000_000) long tvod, @ForAll @LongRange(min = 0, max = 100_000_000) long svod,
            @ForAll @LongRange(min = 0, max = 100_000_000) long avod, @ForAll @LongRange(min = 0, max = 20_000_000) long recouped) {
        Map<RevenueKind, Long> revenue = new EnumMap<>(RevenueKind.class);
        revenue.put(RevenueKind.TRANSACTIONAL, tvod);
        revenue.put(RevenueKind.SVOD, svod);
        revenue.put(RevenueKind.AVOD, avod);
        List<Waterfall.Take> takes = Waterfall.apply(terms(feeBps, cap, producerBps), "PGK", revenue,
                Map.of(DISTRIBUTOR, recouped));
        assertThat(takes.stream().mapToLong(Waterfall.Take::amount).sum()).isEqualTo(tvod + svod + avod);
        assertThat(takes).allSatisfy(t -> assertThat(t.amount()).isNotNegative());
        long recoupedNow = takes.stream().mapToLong(Waterfall.Take::recouped).sum();
        assertThat(recoupedNow).isLessThanOrEqualTo(Math.max(0, cap - recouped));
    }

    @Property
    void recoupmentCarriedAcrossPeriodsStopsExactlyAtItsCap(@ForAll @IntRange(min = 0, max = 9_000) int feeBps,
            @ForAll @LongRange(min = 1, max = 1_000_000) long cap,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 300_000) Long> periods) {
        AgreementTerms terms = terms(feeBps, cap, 6_000);
        Map<UUID, Long> carried = new HashMap<>();
        long afterFees = 0;
        for (long revenue : periods) {
            List<Waterfall.Take> takes = Waterfall.apply(terms, "PGK", Map.of(RevenueKind.TRANSACTIONAL, revenue),
                    carried);
            long fee = takes.stream().filter(t -> t.partyId().equals(PLATFORM)).mapToLong(Waterfall.Take::amount).sum();
            afterFees += revenue - fee;
            takes.forEach(t -> carried.merge(t.partyId(), t.recouped(), Long::sum));
            assertThat(carried.getOrDefault(DISTRIBUTOR, 0L)).isEqualTo(Math.min(cap, afterFees));
        }
    }

    @Property
    void revenueInAnotherCurrencyPassesTheRecoupmentStep(@ForAll @LongRange(min = 1, max = 1_000_000) long revenue) {
        List<Waterfall.Take> takes = Waterfall.apply(terms(0, 1_000_000_000, 10_000), "USD",
                Map.of(RevenueKind.AVOD, revenue), Map.of());
        assertThat(takes.stream().mapToLong(Waterfall.Take::recouped).sum()).isZero();
        assertThat(takes.stream().filter(t -> t.partyId().equals(PRODUCER)).findFirst().orElseThrow().amount())
                .isEqualTo(revenue);
    }
}
