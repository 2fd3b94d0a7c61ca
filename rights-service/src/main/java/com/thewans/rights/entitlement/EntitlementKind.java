package com.thewans.rights.entitlement;

/** Why someone may watch: what they paid for, or what an admin gave them. */
public enum EntitlementKind {
    RENTAL, PURCHASE, SUBSCRIPTION, PPV_TICKET, COLLECTOR, FESTIVAL_PASS, COMPLIMENTARY
}
