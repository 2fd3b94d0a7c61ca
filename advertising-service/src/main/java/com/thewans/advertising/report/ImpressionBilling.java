package com.thewans.advertising.report;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.advertising.AdSettings;
import com.thewans.advertising.tracking.CountFlush;
import com.thewans.common.events.DomainEvents;

/**
 * Publishes ad.impressions_billed once per film, hour and currency, for hours that ended at least
 * ADS_BILLING_DELAY ago (by then every count of the hour has been flushed). One instance at a time:
 * the pass runs under a transaction-scoped advisory lock that other instances skip, and the billed
 * hour's row (primary key film, hour, currency) is written with its event in one transaction, so an
 * hour is never billed twice even by two passes.
 */
@Component
class ImpressionBilling {

    private static final Logger log = LoggerFactory.getLogger(ImpressionBilling.class);
    /** pg_try_advisory_xact_lock id of the billing pass ("ADBILL" in ASCII). */
    static final long LOCK = 0x414442494c4cL;
    static final int BATCH = 500;

    private record Billable(UUID filmId, Instant hourStart, String currency, long impressions, long amountMilli) {
    }

    private final JdbcTemplate jdbc;
    private final DomainEvents events;
    private final CountFlush flush;
    private final AdSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImpressionBilling(JdbcTemplate jdbc, DomainEvents events, CountFlush flush, AdSettings settings,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.flush = flush;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${wans.ads.billing-interval:1m}",
            initialDelayString = "${wans.ads.billing-interval:1m}")
    void onSchedule() {
        try {
            bill();
        } catch (RuntimeException e) {
            log.warn("Billing ad impressions failed; the next pass tries again: {}", e.getMessage());
        }
    }

    /** Bills every finished hour not billed yet; returns how many film-hours were billed. */
    int bill() {
        flush.flush();
        Instant before = clock.instant().minus(settings.billingDelay()).truncatedTo(ChronoUnit.HOURS);
        Integer billed = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;  // another instance is billing
            }
            List<Billable> due = jdbc.query("""
                    select i.film_id, i.hour_start, i.currency, sum(i.impressions), sum(i.impressions * i.cpm)
                    from ad_impressions i
                    where i.hour_start < ? and i.impressions > 0
                      and not exists (select 1 from ad_billed_hours b where b.film_id = i.film_id
                                      and b.hour_start = i.hour_start and b.currency = i.currency)
                    group by i.film_id, i.hour_start, i.currency
                    order by i.hour_start limit ?""",
                    (rs, i) -> new Billable(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            rs.getString(3), rs.getLong(4), rs.getLong(5)),
                    Timestamp.from(before), BATCH);
            Instant now = clock.instant();
            for (Billable b : due) {
                UUID billingId = billingId(b.filmId(), b.hourStart(), b.currency());
                long amount = b.amountMilli() / 1000;
                jdbc.update("""
                        insert into ad_billed_hours (film_id, hour_start, currency, billing_id, amount, impressions,
                                                     billed_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                        b.filmId(), Timestamp.from(b.hourStart()), b.currency(), billingId, amount, b.impressions(),
                        Timestamp.from(now));
                events.publish("ad.impressions_billed", new ImpressionsBilled(billingId, b.filmId(), b.hourStart(),
                        b.hourStart().plus(1, ChronoUnit.HOURS), b.currency(), amount, b.impressions()));
            }
            return due.size();
        });
        return billed == null ? 0 : billed;
    }

    static UUID billingId(UUID filmId, Instant hourStart, String currency) {
        return UUID.nameUUIDFromBytes(("ad.impressions_billed:" + filmId + ":" + hourStart + ":" + currency)
                .getBytes(StandardCharsets.UTF_8));
    }
}
