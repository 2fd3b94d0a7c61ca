package com.thewans.identity.session;

public enum SignInMethod {
    PASSWORD, WALLET
}
