package com.thewans.payment.purchase;

/**
 * The goods and services tax a tax-inclusive price contains. Papua New Guinea's GST is 10%, so a
 * price of K 9.90 holds K 0.90 of GST (990 x 10 / 110), rounded half up to the toea. Sales to
 * viewers outside PNG are exports of a service and carry none.
 */
final class Gst {

    static final int PNG_RATE_PERCENT = 10;

    private Gst() {
    }

    static long includedIn(long amount, String territory) {
        if (!"PG".equals(territory)) {
            return 0;
        }
        long denominator = 100 + PNG_RATE_PERCENT;
        return (amount * PNG_RATE_PERCENT * 2 + denominator) / (denominator * 2);
    }
}
