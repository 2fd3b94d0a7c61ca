package com.thewans.notification.reaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;
import com.thewans.notification.NotificationSettings;
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
    EventHandler verificationRequestedHandler(Contacts contacts, Notifier notifier, NotificationSettings settings) {
        String page = settings.appUrl().replaceAll("/+$", "") + "/verify";
        return EventHandler.of("identity.verification_requested", CodeRequested.class, (code, event) ->
                sendCode(contacts, notifier, NotificationType.VERIFICATION_CODE, code, event, page));
    }

    @Bean
    EventHandler passwordResetRequestedHandler(Contacts contacts, Notifier notifier, NotificationSettings settings) {
        String page = settings.appUrl().replaceAll("/+$", "") + "/reset-password";
        return EventHandler.of("identity.password_reset_requested", CodeRequested.class, (code, event) ->
                sendCode(contacts, notifier, NotificationType.PASSWORD_RESET_CODE, code, event, page));
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

    /**
     * An email's code is a long token meant to be clicked: the link opens the web app's page, which
     * confirms it with identity; the code is in the message as well, to paste. An SMS code is six
     * digits, typed.
     */
    private static void sendCode(Contacts contacts, Notifier notifier, NotificationType type, CodeRequested code,
            EventEnvelope event, String page) {
        if (code.via() == Channel.EMAIL) {
            contacts.rememberEmail(code.userId(), code.destination());
        } else {
            contacts.rememberPhone(code.userId(), code.destination());
        }
        long minutes = code.expiresAt() == null ? 15
                : Math.max(1, Duration.between(event.occurredAt(), code.expiresAt()).toMinutes());
        Map<String, Object> variables = new HashMap<>();
        variables.put("code", code.code());
        variables.put("minutes", minutes);
        if (minutes >= 120) {
            variables.put("hours", minutes / 60);
        }
        variables.put("link", page + "?destination=" + URLEncoder.encode(code.destination(), StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(code.code(), StandardCharsets.UTF_8));
        notifier.notify(new Notice(code.userId(), type, "event:" + event.id(), variables, List.of(code.via()),
                Map.of(code.via(), code.destination())));
    }
}
