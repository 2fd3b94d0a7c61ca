package com.thewans.identity.session;

/** Why a session ended; kept on the session for support and audit. */
public enum EndReason {
    LOGOUT, ENDED_BY_USER, SIGNED_OUT_ELSEWHERE, REFRESH_TOKEN_REUSED, ACCOUNT_DISABLED, ROLES_REDUCED,
    PASSWORD_CHANGED, PASSWORD_RESET, DEVICE_REMOVED
}
