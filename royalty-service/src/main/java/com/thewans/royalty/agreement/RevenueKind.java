package com.thewans.royalty.agreement;

/**
 * How a film earned: TRANSACTIONAL (TVOD rentals, PVOD and purchases, PPV tickets, collector
 * sales), SVOD (its pro-rata part of subscription pools) or AVOD (advertising).
 */
public enum RevenueKind {
    TRANSACTIONAL, SVOD, AVOD
}
