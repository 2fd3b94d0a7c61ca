package com.thewans.identity.signing;

/** CURRENT signs; PREVIOUS still verifies (it is in the JWKS); RETIRED does neither. */
enum KeyStatus {
    CURRENT, PREVIOUS, RETIRED
}
