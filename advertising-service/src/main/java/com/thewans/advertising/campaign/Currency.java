package com.thewans.advertising.campaign;

/** What campaigns are paid in: the kina and the US dollar, in minor units. */
public enum Currency {
    PGK, USD
}
