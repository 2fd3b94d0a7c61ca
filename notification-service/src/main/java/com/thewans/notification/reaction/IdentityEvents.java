package com.thewans.notification.reaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;
import com.thewans.notification.contact.Contacts;
import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * identity's events: a one-time code goes to the address it was asked for, on the channel the event
 * names (the only way a user can verify, so it is critical: no preference or quiet hour holds it);
 * the address is also how this service learns where to reach the user. A registration is welcomed.
 */
@Configuration(proxyBeanMethods = false)
class IdentityEvents {

    record CodeRequested(UUID userId, String channel, String destination, String code, Instant expiresAt) {

        CodeRequested {
            if (userId == null || destination == null || code == null || channel == null) {
                throw new IllegalArgumentException("a code event needs userId, channel, destination and code");
            }
            if (!channel.equals("EMAIL") && !channel.equals("SMS")) {
                throw new IllegalArgumentException("a code is sent by EMAIL or SMS, not " + channel);
            }
        }

        Channel via() {
            return channel.equals("EMAIL") ? Channel.EMAIL : Channel.SMS;
        }

        @Override
        public String toString() {
            return "CodeRequested[" + userId + " " + channel + "]";
        }
    }

    record UserRegistered(UUID userId, String registeredWith) {

        UserRegistered {
            if (userId == null) {
                throw new IllegalArgumentException("identity.user_registered without userId");
            }
        }
    }

    @Bean
    EventHandler verificationRequestedHandler(Contacts contacts, Notifier notifier) {
        return EventHandler.of("identity.verification_requested", CodeRequested.class,
                (code, event) -> sendCode(contacts, notifier, NotificationType.VERIFICATION_CODE, code, event));
    }

    @Bean
    EventHandler passwordResetRequestedHandler(Contacts contacts, Notifier notifier) {
        return EventHandler.of("identity.password_reset_requested", CodeRequested.class,
                (code, event) -> sendCode(contacts, notifier, NotificationType.PASSWORD_RESET_CODE, code, event));
    }

    @Bean
    EventHandler userRegisteredHandler(Contacts contacts, Notifier notifier) {
        return EventHandler.of("identity.user_registered", UserRegistered.class, (registered, event) -> {
            contacts.remember(registered.userId());
            // a wallet has no address to write to: the inbox welcomes them alone
            List<Channel> channels = "EMAIL".equals(registered.registeredWith())
                    ? List.of(Channel.EMAIL, Channel.INBOX) : List.of(Channel.INBOX);
            notifier.notify(new Notice(registered.userId(), NotificationType.WELCOME, "event:" + event.id(), Map.of(),
                    channels, null));
        });
    }

    private static void sendCode(Contacts contacts, Notifier notifier, NotificationType type, CodeRequested code,
            EventEnvelope event) {
        if (code.via() == Channel.EMAIL) {
            contacts.rememberEmail(code.userId(), code.destination());
        } else {
            contacts.rememberPhone(code.userId(), code.destination());
        }
        long minutes = code.expiresAt() == null ? 15
                : Math.max(1, Duration.between(event.occurredAt(), code.expiresAt()).toMinutes());
        notifier.notify(new Notice(code.userId(), type, "event:" + event.id(),
                Map.of("code", code.code(), "minutes", minutes), List.of(code.via()),
                Map.of(code.via(), code.destination())));
    }
}
