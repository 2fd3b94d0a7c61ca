package com.thewans.payment.webhook;

/** Acts on one provider's stored messages; {@link ProviderMessageHandlers} hands each message to its provider's. */
interface ProviderMessageHandler {

    /** The provider whose messages this acts on, as stored ({@code STRIPE}, {@code MOBILE_MONEY}). */
    String provider();

    /**
     * Acts on a stored message and says what it did (kept with the message). Throwing leaves the
     * message to be tried again and, if it keeps failing, dead-lettered where admins see it.
     */
    String handle(ProviderMessages.Stored message);
}
