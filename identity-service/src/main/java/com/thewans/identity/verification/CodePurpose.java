package com.thewans.identity.verification;

enum CodePurpose {
    VERIFY_CONTACT, RESET_PASSWORD
}
