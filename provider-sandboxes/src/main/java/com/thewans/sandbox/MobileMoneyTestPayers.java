package com.thewans.sandbox;

/**
 * The payer numbers the mobile-money sandbox answers in a set way (Papua New Guinea MSISDNs: country
 * code 675, no '+'), like MTN's own sandbox numbers. Any other number approves.
 */
public final class MobileMoneyTestPayers {

    /** Approves after the approval delay; the callback is sent. */
    public static final String APPROVES = "67570000001";
    /** Declines after the delay: FAILED, reason APPROVAL_REJECTED; the callback is sent. */
    public static final String REJECTS = "67570000002";
    /** Never answers: PENDING forever, no callback (until a test settles it by hand). */
    public static final String NEVER_ANSWERS = "67570000003";
    /** Approves after the delay but the callback is lost: only polling the status finds it. */
    public static final String APPROVES_CALLBACK_LOST = "67570000004";
    /** FAILED after the delay, reason NOT_ENOUGH_FUNDS; the callback is sent. */
    public static final String NOT_ENOUGH_FUNDS = "67570000005";
    /** FAILED after the delay, reason PAYER_NOT_FOUND (no wallet on that number); the callback is sent. */
    public static final String PAYER_NOT_FOUND = "67570000006";

    private MobileMoneyTestPayers() {
    }
}
