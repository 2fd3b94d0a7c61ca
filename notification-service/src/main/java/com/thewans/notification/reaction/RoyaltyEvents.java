package com.thewans.notification.reaction;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;
import com.thewans.notification.NotificationSettings;
import com.thewans.notification.film.Films;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * An issued royalty statement tells the film's creator what they earned in the period. Only the
 * PRODUCER is a user of the platform; distributors and the platform itself read their statements in
 * the admin console.
 */
@Configuration(proxyBeanMethods = false)
class RoyaltyEvents {

    record StatementIssued(UUID statementId, UUID partyId, String role, UUID filmId, String period, String currency,
            long amount) {

        StatementIssued {
            if (statementId == null || partyId == null || role == null || filmId == null || period == null) {
                throw new IllegalArgumentException("royalty.statement_issued needs statementId, partyId, role, filmId"
                        + " and period");
            }
        }
    }

    @Bean
    EventHandler royaltyStatementIssuedHandler(Notifier notifier, Films films, NotificationSettings settings) {
        String portal = settings.appUrl().replaceAll("/+$", "") + "/creator/royalties/";
        return EventHandler.of("royalty.statement_issued", StatementIssued.class, (statement, event) -> {
            if (!"PRODUCER".equals(statement.role())) {
                return;
            }
            notifier.notify(Notice.of(statement.partyId(), NotificationType.ROYALTY_STATEMENT, "event:" + event.id(),
                    Map.of("title", films.title(statement.filmId()).orElse("your film"),
                            "period", statement.period(),
                            "amount", Wording.amount(statement.amount(), statement.currency()),
                            "statementUrl", portal + statement.statementId())));
        });
    }
}
