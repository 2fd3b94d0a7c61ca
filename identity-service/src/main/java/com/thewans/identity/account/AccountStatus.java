package com.thewans.identity.account;

public enum AccountStatus {
    ACTIVE, DISABLED
}
