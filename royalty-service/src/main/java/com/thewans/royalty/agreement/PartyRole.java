package com.thewans.royalty.agreement;

/** PRODUCER is the film's creator, PLATFORM is THE WANS, DISTRIBUTORs are named by id. */
public enum PartyRole {
    PRODUCER, DISTRIBUTOR, PLATFORM
}
