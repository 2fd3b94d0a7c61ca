package com.thewans.identity.verification;

/** OPEN until used, replaced by a newer code, or out of attempts. */
enum CodeStatus {
    OPEN, USED, SUPERSEDED, EXHAUSTED
}
