package com.thewans.identity.creator;

enum ApplicationStatus {
    PENDING, APPROVED, REJECTED
}
