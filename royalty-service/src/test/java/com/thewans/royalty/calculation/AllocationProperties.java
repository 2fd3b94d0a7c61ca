package com.thewans.royalty.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The largest-remainder split, for any amount and weights. */
class AllocationProperties {

    @Property
    void partsAddUpToTheAmountExactly(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long amount,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 10_000) Integer> weights) {
        Assume.that(weights.stream().mapToInt(Integer::intValue).sum() > 0);
        long[] parts = Allocation.split(amount, weights.stream().mapToLong(Integer::longValue).toArray());
        assertThat(Arrays.stream(parts).sum()).isEqualTo(amount);
    }

    @Property
    void noPartOfAnAmountIsNegativeAndEachIsWithinOneUnitOfItsExactShare(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long amount,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 10_000_000_000L) Long> weights) {
        long total = weights.stream().mapToLong(Long::longValue).sum();
        Assume.that(total > 0);
        long[] parts = Allocation.split(amount, weights.stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < parts.length; i++) {
            assertThat(parts[i]).isNotNegative();
            BigInteger exactFloor = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights.get(i)))
                    .divide(BigInteger.valueOf(total));
            assertThat(parts[i] - exactFloor.longValueExact()).isBetween(0L, 1L);
            if (weights.get(i) == 0) {
                assertThat(parts[i]).isZero();
            }
        }
    }

    @Property
    void theSameInputAlwaysGivesTheSameParts(@ForAll @LongRange(min = 0, max = 10_000_000L) long amount,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 10_000) Integer> weights) {
        long[] w = weights.stream().mapToLong(Integer::longValue).toArray();
        assertThat(Allocation.split(amount, w)).containsExactly(Allocation.split(amount, w.clone()));
    }

    @Property
    void aNegativeAmountSplitsAsTheMirrorOfItsMagnitude(@ForAll @LongRange(min = 1, max = 10_000_000L) long amount,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 10_000) Integer> weights) {
        long[] w = weights.stream().mapToLong(Integer::longValue).toArray();
        long[] positive = Allocation.split(amount, w);
        long[] negative = Allocation.split(-amount, w);
        for (int i = 0; i < w.length; i++) {
            assertThat(negative[i]).isEqualTo(-positive[i]);
        }
    }
}
