package com.thewans.rights.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.rights.RightsTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class WindowLifecycleTest extends RightsTestSupport {

    @Autowired
    WindowLifecycle lifecycle;

    @Autowired
    WindowEvents windowEvents;

    @Autowired
    WindowTransitions transitions;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void aWindowOpensAndExpiresOnItsOwnTimesAndAnnouncesEachOnce() {
        UUID filmId = catalog.film();
        Instant start = now.plus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofDays(7));
        UUID windowId = id(window(worldwide(filmId, "AVOD", "[\"AU\",\"NZ\"]", start, end, null)));

        lifecycle.advance();
        assertThat(status(windowId)).isEqualTo("SCHEDULED");
        assertThat(events(WindowEvents.OPENED, "windowId", windowId)).isEmpty();

        clock.set(start);
        lifecycle.advance();
        lifecycle.advance();
        assertThat(status(windowId)).isEqualTo("ACTIVE");
        List<JsonNode> opened = events(WindowEvents.OPENED, "windowId", windowId);
        assertThat(opened).hasSize(1);
        JsonNode data = opened.get(0);
        assertThat(data.get("filmId").asString()).isEqualTo(filmId.toString());
        assertThat(data.get("type").asString()).isEqualTo("AVOD");
        assertThat(data.get("worldwide").asBoolean()).isTrue();
        assertThat(data.get("territories")).isEmpty();
        assertThat(data.get("excludedTerritories")).extracting(JsonNode::asString).containsExactly("AU", "NZ");
        assertThat(Instant.parse(data.get("startsAt").asString())).isEqualTo(start);
        assertThat(Instant.parse(data.get("endsAt").asString())).isEqualTo(end);

        clock.set(end);
        lifecycle.advance();
        lifecycle.advance();
        assertThat(status(windowId)).isEqualTo("EXPIRED");
        List<JsonNode> closed = events(WindowEvents.CLOSED, "windowId", windowId);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).get("reason").asString()).isEqualTo("EXPIRED");
        assertThat(closed.get(0).get("type").asString()).isEqualTo("AVOD");
        assertThat(closed.get(0).get("filmId").asString()).isEqualTo(filmId.toString());
    }

    @Test
    void aWindowWhoseWholeSpanPassedUnseenIsOpenedThenClosed() {
        UUID filmId = catalog.film();
        UUID windowId = id(window(svodFor(filmId, "[\"PG\"]", now.plus(Duration.ofMinutes(1)),
                now.plus(Duration.ofMinutes(2)))));
        clock.set(now.plus(Duration.ofHours(1)));
        lifecycle.advance();
        assertThat(status(windowId)).isEqualTo("EXPIRED");
        assertThat(events(WindowEvents.OPENED, "windowId", windowId)).hasSize(1);
        assertThat(events(WindowEvents.CLOSED, "windowId", windowId)).hasSize(1);
    }

    @Test
    void twoInstancesRacingTransitionEachWindowExactlyOnce() throws Exception {
        List<UUID> windowIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID filmId = catalog.film();
            windowIds.add(id(window(svodFor(filmId, "[\"PG\"]", now.plus(Duration.ofMinutes(10)),
                    now.plus(Duration.ofMinutes(20))))));
        }
        // two independent schedulers, as two running instances of the service would have
        WindowLifecycle first = new WindowLifecycle(transitions, new TransactionTemplate(transactions), windowEvents,
                publisher, clock);
        WindowLifecycle second = new WindowLifecycle(transitions, new TransactionTemplate(transactions), windowEvents,
                publisher, clock);

        clock.set(now.plus(Duration.ofMinutes(10)));
        race(first, second);
        clock.set(now.plus(Duration.ofMinutes(20)));
        race(first, second);

        for (UUID windowId : windowIds) {
            assertThat(status(windowId)).isEqualTo("EXPIRED");
            assertThat(events(WindowEvents.OPENED, "windowId", windowId)).as("opened " + windowId).hasSize(1);
            assertThat(events(WindowEvents.CLOSED, "windowId", windowId)).as("closed " + windowId).hasSize(1);
        }
    }

    @Test
    void editingAnOpenWindowAnnouncesTheChangeAndCancellingItClosesIt() {
        UUID filmId = catalog.film();
        UUID windowId = id(window(svodFor(filmId, "[\"PG\"]", now, null)));
        lifecycle.advance();
        assertThat(status(windowId)).isEqualTo("ACTIVE");
        String etag = get("/api/windows/" + windowId, admin).header("ETag");

        TestHttp.Response moved = patch("/api/windows/" + windowId, "{\"startsAt\":\""
                + now.plus(Duration.ofDays(1)) + "\"}", etag);
        assertThat(moved.status()).isEqualTo(400);
        TestHttp.Response widened = patch("/api/windows/" + windowId,
                "{\"territories\":[\"PG\",\"SB\",\"VU\"],\"endsAt\":\"" + now.plus(Duration.ofDays(60)) + "\"}", etag);
        assertThat(widened.status()).as(widened.body()).isEqualTo(200);
        List<JsonNode> updated = events(WindowEvents.UPDATED, "windowId", windowId);
        assertThat(updated).hasSize(1);
        assertThat(updated.get(0).get("territories")).extracting(JsonNode::asString).containsExactly("PG", "SB", "VU");
        assertThat(Instant.parse(updated.get(0).get("endsAt").asString())).isEqualTo(now.plus(Duration.ofDays(60)));

        post("/api/windows/" + windowId + "/cancel", "{\"reason\":\"rights dispute\"}", admin);
        List<JsonNode> closed = events(WindowEvents.CLOSED, "windowId", windowId);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).get("reason").asString()).isEqualTo("CANCELLED");
        clock.set(now.plus(Duration.ofDays(70)));
        lifecycle.advance();
        assertThat(status(windowId)).isEqualTo("CANCELLED");
        assertThat(events(WindowEvents.CLOSED, "windowId", windowId)).hasSize(1);
    }

    @Test
    void aChangeRacingTheSchedulerIsAConflictNotALostUpdate() {
        UUID filmId = catalog.film();
        UUID windowId = id(window(svodFor(filmId, "[\"PG\"]", now, null)));
        String etag = get("/api/windows/" + windowId, admin).header("ETag");
        lifecycle.advance();   // opens it: the version moves on

        TestHttp.Response stale = patch("/api/windows/" + windowId, "{\"exclusive\":true}", etag);
        assertThat(stale.status()).isEqualTo(412);
    }

    private void race(WindowLifecycle first, WindowLifecycle second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> a = pool.submit(() -> {
            go.await();
            return first.advance();
        });
        Future<Integer> b = pool.submit(() -> {
            go.await();
            return second.advance();
        });
        go.countDown();
        int total = a.get() + b.get();
        pool.shutdown();
        assertThat(total).isGreaterThanOrEqualTo(30);
    }

    private String status(UUID windowId) {
        return jdbc.queryForObject("select status from windows where id = ?", String.class, windowId);
    }
}
