package com.thewans.payment.webhook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;

/**
 * The one consumer of payment.provider_message_received (the platform's consumer takes one handler
 * per event type): it reads the stored message, hands it to its provider's handler, and records the
 * outcome. A message of a provider nobody handles is retried and then dead-lettered, never dropped.
 */
@Configuration(proxyBeanMethods = false)
class ProviderMessageHandlers {

    @Bean
    EventHandler providerMessageReceived(ProviderMessages messages, List<ProviderMessageHandler> handlers) {
        Map<String, ProviderMessageHandler> byProvider = handlers.stream()
                .collect(Collectors.toMap(ProviderMessageHandler::provider, Function.identity()));
        return EventHandler.of(ProviderMessages.RECEIVED, ProviderMessages.MessageReceived.class, (received, event) -> {
            ProviderMessageHandler handler = byProvider.get(received.provider());
            if (handler == null) {
                throw new IllegalStateException("no handler for messages of provider " + received.provider());
            }
            ProviderMessages.Stored stored = messages.find(received.provider(), received.messageId())
                    .orElseThrow(() -> new IllegalStateException("stored message " + received.messageId() + " is gone"));
            messages.processed(received.provider(), received.messageId(), handler.handle(stored));
        });
    }
}
