package com.thewans.royalty.calculation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount of minor units by weights with the largest-remainder method (Hamilton): each
 * part gets the floor of its exact share, and the units left over go one each to the parts with the
 * largest fractional remainders, ties to the earlier part. So the parts always add up to the amount
 * exactly, every part of a non-negative amount is non-negative (a negative amount is split as its
 * magnitude and every part negated), and the same input always gives the same parts.
 */
public final class Allocation {

    private Allocation() {
    }

    /** The parts of {@code amount} in the order of {@code weights}; weights are non-negative, not all zero. */
    public static long[] split(long amount, long[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("nothing to split between");
        }
        if (amount < 0) {
            long[] parts = split(-amount, weights);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = -parts[i];
            }
            return parts;
        }
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights are all zero");
        }
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        BigInteger a = BigInteger.valueOf(amount);
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = a.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long left = amount - given; // < number of parts
        List<Integer> order = new ArrayList<>(weights.length);
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            parts[order.get(k)]++;
        }
        return parts;
    }

    /** {@code amount * bps / 10 000} by the same method: the first of two parts. */
    public static long basisPoints(long amount, int bps) {
        return split(amount, new long[] {bps, 10_000L - bps})[0];
    }
}
