package com.thewans.payment.purchase;

/**
 * Where what a provider told us is kept before it is acted on (the provider_messages the webhooks
 * fill; webhook's ProviderMessages keeps it). Payments use it for what they learn by asking a
 * provider themselves, such as a polled status, and act on it in the same database transaction.
 */
public interface ProviderMessageLog {

    /**
     * Keeps a message this service acts on itself, in the caller's transaction, once per message
     * id; false when a message of that id was kept before (by a webhook, or an earlier poll).
     */
    boolean keep(String provider, String messageId, String type, String payload);

    /** What acting on a kept message did. */
    void processed(String provider, String messageId, String outcome);
}
