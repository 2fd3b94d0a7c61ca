package com.thewans.notification.delivery;

/**
 * The SMS provider, as this service needs it: send one text to one number. One HTTP adapter
 * ({@link HttpSmsGateway}); tests and devstack point it at the provider-sandboxes SMS sandbox.
 */
interface SmsGateway {

    /** Sends, or says why not: a number the provider refuses is permanent, anything else transient. */
    Outcome send(String to, String text);
}
