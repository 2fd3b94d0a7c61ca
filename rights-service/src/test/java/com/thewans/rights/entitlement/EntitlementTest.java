package com.thewans.rights.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;
import com.thewans.common.events.EventLog;
import com.thewans.rights.RightsTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class EntitlementTest extends RightsTestSupport {

    @Autowired
    EventLog eventLog;

    @Autowired
    PaymentGrants grants;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditLog audit;

    @Autowired
    @Qualifier("paymentSucceededHandler")
    EventHandler paymentSucceeded;

    @Autowired
    @Qualifier("paymentRefundedHandler")
    EventHandler paymentRefunded;

    @Test
    void aPaidRentalFollowsTheTvodWindowsTermsFromPaymentToFirstPlayToTheEnd() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        UUID tvod = id(window(worldwide(filmId, "TVOD", "[]", now.minus(Duration.ofDays(1)), null,
                TVOD_PRICES + ",\"rental\":{\"startWithinDays\":7,\"watchWithinHours\":24}")));

        UUID transactionId = pay(viewer, "RENTAL", filmId, tvod, null, null);
        JsonNode rental = awaitEntitlement(viewer, transactionId);
        assertThat(rental.get("kind").asString()).isEqualTo("RENTAL");
        assertThat(Instant.parse(rental.get("startBy").asString())).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(rental.get("watchHours").asInt()).isEqualTo(24);
        List<JsonNode> granted = events(EntitlementEvents.GRANTED, "transactionId", transactionId);
        assertThat(granted).hasSize(1);
        assertThat(granted.get(0).get("userId").asString()).isEqualTo(viewer.toString());
        assertThat(granted.get(0).get("windowId").asString()).isEqualTo(tvod.toString());

        JsonNode before = check(viewer, filmId, "PG");
        assertThat(before.get("allowed").asBoolean()).isTrue();
        assertThat(before.get("via").asString()).isEqualTo("RENTAL");
        assertThat(before.get("withAds").asBoolean()).isFalse();
        assertThat(Instant.parse(before.get("startBy").asString())).isEqualTo(now.plus(Duration.ofDays(7)));

        UUID entitlementId = id(rental);
        clock.set(now.plus(Duration.ofDays(2)));
        assertThat(post("/api/entitlements/internal/" + entitlementId + "/started", null, viewerToken(viewer)).status())
                .isEqualTo(403);
        TestHttp.Response started = post("/api/entitlements/internal/" + entitlementId + "/started", null,
                serviceToken());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Instant watchUntil = now.plus(Duration.ofDays(2)).plus(Duration.ofHours(24));
        assertThat(Instant.parse(started.json().get("validUntil").asString())).isEqualTo(watchUntil);
        // a second report of the first play changes nothing
        clock.set(now.plus(Duration.ofDays(2)).plus(Duration.ofHours(3)));
        assertThat(Instant.parse(post("/api/entitlements/internal/" + entitlementId + "/started", null,
                serviceToken()).json().get("validUntil").asString())).isEqualTo(watchUntil);
        assertThat(Instant.parse(check(viewer, filmId, "PG").get("until").asString())).isEqualTo(watchUntil);

        clock.set(watchUntil);
        JsonNode after = check(viewer, filmId, "PG");
        assertThat(after.get("allowed").asBoolean()).isFalse();
        assertThat(reasonCodes(after)).contains("RENTAL_EXPIRED", "RENTAL_REQUIRED");
    }

    @Test
    void aRentalNotStartedInTimeCanNoLongerBeStarted() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        UUID tvod = id(window(worldwide(filmId, "TVOD", "[]", now, null, TVOD_PRICES)));
        UUID entitlementId = id(awaitEntitlement(viewer, pay(viewer, "RENTAL", filmId, tvod, null, null)));

        clock.set(now.plus(Duration.ofDays(30)));
        TestHttp.Response late = post("/api/entitlements/internal/" + entitlementId + "/started", null,
                serviceToken());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("rental-expired");
        assertThat(post("/api/entitlements/internal/" + UUID.randomUUID() + "/started", null, serviceToken())
                .status()).isEqualTo(404);
    }

    @Test
    void aPaymentAnnouncedTwiceGrantsOnce() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();
        Map<String, Object> data = payment(transactionId, viewer, "PURCHASE", filmId, null, null, null);
        append("payment.succeeded", UUID.randomUUID(), data);
        append("payment.succeeded", UUID.randomUUID(), data);
        UUID sameEvent = UUID.randomUUID();
        append("payment.succeeded", sameEvent, data);
        append("payment.succeeded", sameEvent, data);

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Long.class, sameEvent) == 1);
        assertThat(jdbc.queryForObject("select count(*) from entitlements where transaction_id = ?", Long.class,
                transactionId)).isEqualTo(1);
        assertThat(events(EntitlementEvents.GRANTED, "transactionId", transactionId)).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfOnePaymentGrantOnce() throws Exception {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();
        PaymentSucceeded payment = new PaymentSucceeded(transactionId, viewer,
                EntitlementKind.COLLECTOR, filmId, null, null, null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int deliveries = 4;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return tx.execute(status -> grants.grant(payment, now));
            }));
        }
        go.countDown();
        int grantedCount = 0;
        for (Future<Boolean> result : results) {
            grantedCount += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(grantedCount).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from entitlements where transaction_id = ?", Long.class,
                transactionId)).isEqualTo(1);
        assertThat(events(EntitlementEvents.GRANTED, "transactionId", transactionId)).hasSize(1);
    }

    @Test
    void aRefundRevokesWhatThePaymentGranted() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        UUID transactionId = pay(viewer, "PURCHASE", filmId, null, null, null);
        UUID entitlementId = id(awaitEntitlement(viewer, transactionId));
        assertThat(check(viewer, filmId, "PG").get("allowed").asBoolean()).isTrue();

        append("payment.refunded", UUID.randomUUID(), Map.of("transactionId", transactionId.toString(),
                "userId", viewer.toString(), "amount", 2500, "currency", "PGK"));
        await().atMost(Duration.ofSeconds(15)).until(() -> "REVOKED".equals(jdbc.queryForObject(
                "select status from entitlements where id = ?", String.class, entitlementId)));

        List<JsonNode> revoked = events(EntitlementEvents.REVOKED, "entitlementId", entitlementId);
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).get("reason").asString()).isEqualTo("REFUNDED");
        JsonNode denied = check(viewer, filmId, "PG");
        assertThat(denied.get("allowed").asBoolean()).isFalse();
        assertThat(reasonCodes(denied)).contains("ENTITLEMENT_REVOKED");
    }

    @Test
    void aRefundHandledBeforeItsPaymentLeavesNothingToWatch() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> grants.revoke(transactionId, now));
        Boolean granted = tx.execute(status -> grants.grant(new PaymentSucceeded(transactionId, viewer,
                EntitlementKind.PURCHASE, filmId, null, null, null), now));

        assertThat(granted).isFalse();
        assertThat(jdbc.queryForObject("select status from entitlements where transaction_id = ?", String.class,
                transactionId)).isEqualTo("REVOKED");
        assertThat(events(EntitlementEvents.GRANTED, "transactionId", transactionId)).isEmpty();
        assertThat(check(viewer, filmId, "PG").get("allowed").asBoolean()).isFalse();
    }

    @Test
    void aSubscriptionCoversSvodWindowsOnlyWhereAndWhileTheyAreOpen() {
        UUID filmId = catalog.film();
        UUID rentalOnlyFilm = catalog.film();
        UUID subscriber = UUID.randomUUID();
        UUID svod = id(window(svodFor(filmId, "[\"PG\"]", now.minus(Duration.ofDays(1)), null)));
        window(worldwide(rentalOnlyFilm, "TVOD", "[]", now.minus(Duration.ofDays(1)), null, TVOD_PRICES));
        Instant periodEnd = now.plus(Duration.ofDays(30));
        grant(new PaymentSucceeded(UUID.randomUUID(), subscriber, EntitlementKind.SUBSCRIPTION, null,
                null, UUID.randomUUID(), periodEnd));

        JsonNode pg = check(subscriber, filmId, "PG");
        assertThat(pg.get("allowed").asBoolean()).isTrue();
        assertThat(pg.get("via").asString()).isEqualTo("SUBSCRIPTION");
        assertThat(pg.get("windowId").asString()).isEqualTo(svod.toString());
        assertThat(Instant.parse(pg.get("until").asString())).isEqualTo(periodEnd);

        JsonNode au = check(subscriber, filmId, "AU");
        assertThat(au.get("allowed").asBoolean()).isFalse();
        assertThat(reasonCodes(au)).containsExactly("NO_WINDOW_IN_TERRITORY");
        JsonNode rentalOnly = check(subscriber, rentalOnlyFilm, "PG");
        assertThat(rentalOnly.get("allowed").asBoolean()).isFalse();
        assertThat(reasonCodes(rentalOnly)).containsExactly("RENTAL_REQUIRED");
        assertThat(reasonCodes(check(UUID.randomUUID(), filmId, "PG"))).containsExactly("SUBSCRIPTION_REQUIRED");

        clock.set(periodEnd);
        assertThat(reasonCodes(check(subscriber, filmId, "PG"))).containsExactly("SUBSCRIPTION_REQUIRED");
    }

    @Test
    void anAvodWindowLetsAnyoneWatchWithAdsButABuyerWatchesWithout() {
        UUID filmId = catalog.film();
        UUID avod = id(window(worldwide(filmId, "AVOD", "[]", now.minus(Duration.ofDays(1)), null, null)));
        JsonNode free = check(UUID.randomUUID(), filmId, "WS");
        assertThat(free.get("allowed").asBoolean()).isTrue();
        assertThat(free.get("withAds").asBoolean()).isTrue();
        assertThat(free.get("via").asString()).isEqualTo("AVOD");
        assertThat(free.get("windowId").asString()).isEqualTo(avod.toString());

        UUID buyer = UUID.randomUUID();
        grant(new PaymentSucceeded(UUID.randomUUID(), buyer, EntitlementKind.PURCHASE, filmId, null,
                null, null));
        JsonNode owned = check(buyer, filmId, "WS");
        assertThat(owned.get("via").asString()).isEqualTo("PURCHASE");
        assertThat(owned.get("withAds").asBoolean()).isFalse();
        assertThat(owned.has("until")).isFalse();
    }

    @Test
    void aPpvTicketIsGoodForTheEventOnly() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        Instant event = now.plus(Duration.ofDays(1));
        UUID ppv = id(window("""
                {"filmId":"%s","type":"PPV","territories":["PG"],"startsAt":"%s","endsAt":"%s",
                 "prices":[{"currency":"PGK","amount":2500}],"ppv":{"eventStartsAt":"%s","durationMinutes":120}}"""
                .formatted(filmId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)), event)));
        grant(new PaymentSucceeded(UUID.randomUUID(), viewer, EntitlementKind.PPV_TICKET, filmId, ppv,
                null, null));

        assertThat(reasonCodes(check(viewer, filmId, "PG"))).contains("PPV_NOT_STARTED");
        clock.set(event.plus(Duration.ofMinutes(30)));
        JsonNode during = check(viewer, filmId, "PG");
        assertThat(during.get("allowed").asBoolean()).isTrue();
        assertThat(Instant.parse(during.get("until").asString())).isEqualTo(event.plus(Duration.ofMinutes(120)));
        clock.set(event.plus(Duration.ofMinutes(120)));
        assertThat(check(viewer, filmId, "PG").get("allowed").asBoolean()).isFalse();
    }

    @Test
    void anAdminGrantsAFestivalPassForFestivalWindows() {
        UUID firstFilm = catalog.film();
        UUID secondFilm = catalog.film();
        Instant festivalEnd = now.plus(Duration.ofDays(5));
        UUID first = id(window(festival(firstFilm, festivalEnd)));
        UUID second = id(window(festival(secondFilm, festivalEnd)));
        UUID tvod = id(window(worldwide(firstFilm, "TVOD", "[]", now, null, TVOD_PRICES)));
        UUID guest = UUID.randomUUID();
        assertThat(reasonCodes(check(guest, firstFilm, "PG"))).contains("FESTIVAL_PASS_REQUIRED");

        String pass = """
                {"userId":"%s","kind":"FESTIVAL_PASS","windowIds":["%s","%s"],"note":"Jury member, Pacific Film Festival"}"""
                .formatted(guest, first, second);
        assertThat(post("/api/entitlements/admin/grants", pass, viewerToken(guest)).status()).isEqualTo(403);
        TestHttp.Response granted = post("/api/entitlements/admin/grants", pass, admin);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json()).hasSize(2);

        JsonNode allowed = check(guest, secondFilm, "PG");
        assertThat(allowed.get("via").asString()).isEqualTo("FESTIVAL_PASS");
        assertThat(Instant.parse(allowed.get("until").asString())).isEqualTo(festivalEnd);
        assertThat(audit.forTarget("user:" + guest, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("entitlement.admin_granted");
            assertThat(e.details()).contains("Jury member");
        });
        assertThat(events(EntitlementEvents.GRANTED, "userId", guest)).hasSize(2);

        TestHttp.Response notFestival = post("/api/entitlements/admin/grants", """
                {"userId":"%s","kind":"FESTIVAL_PASS","windowIds":["%s"],"note":"x"}""".formatted(guest, tvod), admin);
        assertThat(notFestival.status()).isEqualTo(400);
        TestHttp.Response unknownKind = post("/api/entitlements/admin/grants", """
                {"userId":"%s","kind":"LIFETIME","filmIds":["%s"],"note":"x"}""".formatted(guest, firstFilm), admin);
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    @Test
    void viewersCheckThemselvesServicesCheckAnyoneAndListsAreBounded() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        grant(new PaymentSucceeded(UUID.randomUUID(), viewer, EntitlementKind.PURCHASE, filmId, null,
                null, null));

        assertThat(get("/api/entitlements/check?filmId=" + filmId + "&territory=PG&userId=" + viewer,
                viewerToken(other)).status()).isEqualTo(403);
        JsonNode forService = get("/api/entitlements/check?filmId=" + filmId + "&territory=PG&userId=" + viewer,
                serviceToken()).json();
        assertThat(forService.get("allowed").asBoolean()).isTrue();
        assertThat(forService.get("userId").asString()).isEqualTo(viewer.toString());
        assertThat(get("/api/entitlements/check?filmId=" + filmId + "&territory=PG", null).status()).isEqualTo(401);
        assertThat(get("/api/entitlements/check?territory=PG", viewerToken(viewer)).status()).isEqualTo(400);
        assertThat(get("/api/entitlements/check?filmId=" + filmId + "&territory=QQ", viewerToken(viewer)).status())
                .isEqualTo(400);

        JsonNode mine = get("/api/entitlements/mine", viewerToken(viewer)).json();
        assertThat(mine.get("totalItems").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("filmId").asString()).isEqualTo(filmId.toString());
        assertThat(mine.get("items").get(0).get("usableNow").asBoolean()).isTrue();
        assertThat(get("/api/entitlements/mine", viewerToken(other)).json().get("totalItems").asLong()).isZero();
        assertThat(get("/api/entitlements/mine?size=101", viewerToken(viewer)).status()).isEqualTo(400);
        assertThat(get("/api/entitlements/mine?page=-1", viewerToken(viewer)).status()).isEqualTo(400);
    }

    @Test
    void anAdminRevokesAnEntitlementWithAReasonOnRecord() {
        UUID filmId = catalog.film();
        UUID viewer = UUID.randomUUID();
        TestHttp.Response granted = post("/api/entitlements/admin/grants", """
                {"userId":"%s","kind":"COMPLIMENTARY","filmIds":["%s"],"note":"Cast screener"}"""
                .formatted(viewer, filmId), admin);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        UUID entitlementId = id(granted.json().get(0));
        assertThat(check(viewer, filmId, "PG").get("via").asString()).isEqualTo("COMPLIMENTARY");

        String body = "{\"reason\":\"Screener shared publicly\"}";
        assertThat(post("/api/entitlements/admin/" + entitlementId + "/revoke", body, viewerToken(viewer)).status())
                .isEqualTo(403);
        TestHttp.Response revoked = post("/api/entitlements/admin/" + entitlementId + "/revoke", body, admin);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(check(viewer, filmId, "PG").get("allowed").asBoolean()).isFalse();
        assertThat(events(EntitlementEvents.REVOKED, "entitlementId", entitlementId).get(0).get("reason").asString())
                .isEqualTo("Screener shared publicly");
        assertThat(audit.forTarget("user:" + viewer, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("entitlement.revoked");
            assertThat(e.details()).contains("Screener shared publicly");
        });
        TestHttp.Response again = post("/api/entitlements/admin/" + entitlementId + "/revoke", body, admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("entitlement-revoked");
    }

    @Test
    void aPaymentThatCannotBeReadIsLeftForRetryAndDeadLetteringNotDropped() {
        UUID viewer = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        append("payment.succeeded", eventId, payment(transactionId, viewer, "GIFT_CARD", catalog.film(), null, null,
                null));
        UUID after = UUID.randomUUID();
        UUID laterTransaction = UUID.randomUUID();
        append("payment.succeeded", after, payment(laterTransaction, viewer, "PURCHASE", catalog.film(), null, null,
                null));

        // the consumer moved past it (the next payment was granted) without recording it as handled
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from entitlements where transaction_id = ?", Long.class, laterTransaction) == 1);
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                eventId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from entitlements where transaction_id = ?", Long.class,
                transactionId)).isZero();
        assertThat(redis.opsForStream().pending("events.payment.succeeded", "rights-service").getTotalPendingMessages())
                .isPositive();
    }

    @Test
    void paymentsWithoutTheirTransactionOrPayerAreRefusedAndMembersRightsDoesNotReadAreIgnored() {
        UUID viewer = UUID.randomUUID();
        UUID filmId = catalog.film();
        for (String member : List.of("transactionId", "userId", "kind")) {
            Map<String, Object> data = payment(UUID.randomUUID(), viewer, "PURCHASE", filmId, null, null, null);
            data.remove(member);
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(
                    status -> paymentSucceeded.handle(envelope("payment.succeeded", data))))
                    .as("without " + member).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> paymentRefunded.handle(envelope("payment.refunded", Map.of("userId", viewer.toString())))))
                .isInstanceOf(IllegalArgumentException.class);

        UUID transactionId = UUID.randomUUID();
        Map<String, Object> data = payment(transactionId, viewer, "PURCHASE", filmId, null, null, null);
        data.put("couponCode", "PACIFIC10");
        new TransactionTemplate(transactions).executeWithoutResult(
                status -> paymentSucceeded.handle(envelope("payment.succeeded", data)));
        assertThat(events(EntitlementEvents.GRANTED, "transactionId", transactionId)).hasSize(1);
    }

    private EventEnvelope envelope(String type, Map<String, Object> data) {
        return new EventEnvelope(UUID.randomUUID(), type, clock.instant(), "payment-service", 1, JSON.valueToTree(data));
    }

    private String festival(UUID filmId, Instant end) {
        return """
                {"filmId":"%s","type":"FESTIVAL","territories":["PG","FJ"],"startsAt":"%s","endsAt":"%s"}"""
                .formatted(filmId, now.minus(Duration.ofDays(1)), end);
    }

    private void grant(PaymentSucceeded payment) {
        Boolean granted = new TransactionTemplate(transactions).execute(status -> grants.grant(payment, now));
        assertThat(granted).isTrue();
    }

    private UUID pay(UUID userId, String kind, UUID filmId, UUID windowId, UUID subscriptionId, Instant periodEnd) {
        UUID transactionId = UUID.randomUUID();
        append("payment.succeeded", UUID.randomUUID(), payment(transactionId, userId, kind, filmId, windowId,
                subscriptionId, periodEnd));
        return transactionId;
    }

    private static Map<String, Object> payment(UUID transactionId, UUID userId, String kind, UUID filmId,
            UUID windowId, UUID subscriptionId, Instant periodEnd) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", transactionId.toString());
        data.put("userId", userId.toString());
        data.put("kind", kind);
        data.put("filmId", filmId == null ? null : filmId.toString());
        data.put("windowId", windowId == null ? null : windowId.toString());
        data.put("subscriptionId", subscriptionId == null ? null : subscriptionId.toString());
        data.put("periodEnd", periodEnd == null ? null : periodEnd.toString());
        data.put("amount", 990);
        data.put("currency", "PGK");
        data.put("provider", "stripe");
        return data;
    }

    /** Publishes an event the way payment-service's relay does: its envelope appended to events.<type>. */
    private void append(String type, UUID eventId, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", type);
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("producer", "payment-service");
        envelope.put("version", 1);
        envelope.put("data", data);
        eventLog.append(type, eventId.toString(), JSON.writeValueAsString(envelope));
    }

    private JsonNode awaitEntitlement(UUID userId, UUID transactionId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from entitlements where transaction_id = ?", Long.class, transactionId) == 1);
        for (JsonNode item : get("/api/entitlements/mine?size=100", viewerToken(userId)).json().get("items")) {
            if (transactionId.toString().equals(item.path("transactionId").asString(null))) {
                return item;
            }
        }
        throw new AssertionError("entitlement of " + transactionId + " not listed for its holder");
    }

    private JsonNode check(UUID userId, UUID filmId, String territory) {
        TestHttp.Response response = get("/api/entitlements/check?filmId=" + filmId + "&territory=" + territory,
                viewerToken(userId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> reasonCodes(JsonNode check) {
        List<String> codes = new ArrayList<>();
        check.get("reasons").forEach(r -> codes.add(r.get("code").asString()));
        return codes;
    }
}
