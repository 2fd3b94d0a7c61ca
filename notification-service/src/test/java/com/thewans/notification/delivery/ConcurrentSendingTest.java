package com.thewans.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.notification.contact.Contacts;
import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/** Several senders at once (instances, or passes of one) send every delivery exactly once. */
class ConcurrentSendingTest extends NotificationTestSupport {

    @Autowired
    DeliveryWorker worker;
    @Autowired
    Notifier notifier;
    @Autowired
    Contacts contacts;
    @Autowired
    TransactionTemplate tx;

    @Test
    void competingSendersClaimEachDeliveryOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        List<UUID> users = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 60; i++) {
                UUID user = UUID.randomUUID();
                String address = email();
                contacts.rememberEmail(user, address);
                notifier.notify(new Notice(user, NotificationType.SYSTEM_ALERT, "concurrency:" + user,
                        Map.of("title", "Hello", "message", "Once only"), List.of(Channel.EMAIL), null));
                users.add(user);
                addresses.add(address);
            }
        });

        ExecutorService senders = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            passes.add(senders.submit(() -> {
                start.await();
                return worker.sendDue();
            }));
        }
        start.countDown();
        for (Future<Integer> pass : passes) {
            pass.get();
        }
        senders.shutdown();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from deliveries where user_id = any (?) and state = 'SENT'", Long.class,
                (Object) users.toArray(UUID[]::new)) == 60);
        for (String address : addresses) {
            assertThat(MAIL.to(address)).hasSize(1);
        }
        assertThat(jdbc.queryForList("select attempts from deliveries where user_id = any (?)", Integer.class,
                (Object) users.toArray(UUID[]::new))).containsOnly(1);
    }
}
