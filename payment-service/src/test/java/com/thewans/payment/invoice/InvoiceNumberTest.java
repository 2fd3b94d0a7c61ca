package com.thewans.payment.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.payment.PaymentTestSupport;

/** Invoice numbers run without gaps or duplicates, whatever runs at once and whatever rolls back. */
class InvoiceNumberTest extends PaymentTestSupport {

    @Autowired
    Invoices invoices;

    @Autowired
    TransactionTemplate inTransaction;

    /** A captured payment row for an invoice to belong to (the foreign key wants one). */
    private UUID payment() {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into transactions (id, user_id, kind, film_id, territory, currency, list_amount, amount, gst_amount,
                    provider, status, expires_at, created_at, updated_at)
                values (?, ?, 'RENTAL', ?, 'PG', 'PGK', 990, 990, 90, 'STRIPE', 'SUCCEEDED', now(), now(), now())""", id,
                UUID.randomUUID(), UUID.randomUUID());
        return id;
    }

    private Invoice issue(UUID payment, Instant at) {
        return inTransaction.execute(s -> invoices.issue(payment, UUID.randomUUID(), "Film rental", "PGK", 990, 90, at));
    }

    @Test
    void concurrentIssuesGetConsecutiveNumbersAndARollbackLeavesNoGap() throws Exception {
        // a year of its own, so other tests' invoices do not interleave
        Instant at = Instant.parse("2031-03-01T00:00:00Z");
        int first = issue(payment(), at).number().endsWith("000001") ? 1 : 0;
        assertThat(first).isEqualTo(1);

        UUID rolledBack = payment();
        try {
            inTransaction.executeWithoutResult(s -> {
                invoices.issue(rolledBack, UUID.randomUUID(), "Film rental", "PGK", 990, 90, at);
                throw new IllegalStateException("the payment's transaction fails after its invoice was numbered");
            });
        } catch (IllegalStateException expected) {
            // the number it took goes back with it
        }

        int issuers = 12;
        List<UUID> payments = new ArrayList<>();
        for (int i = 0; i < issuers; i++) {
            payments.add(payment());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(issuers);
        List<Future<Invoice>> issued = new ArrayList<>();
        try {
            for (UUID p : payments) {
                issued.add(pool.submit((Callable<Invoice>) () -> {
                    start.await();
                    return issue(p, at);
                }));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<Invoice> invoice : issued) {
                numbers.add(invoice.get(30, TimeUnit.SECONDS).number());
            }
            List<String> expected = new ArrayList<>();
            for (int seq = 2; seq <= issuers + 1; seq++) {
                expected.add("WANS-2031-%06d".formatted(seq));
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
        assertThat(invoices.forTransaction(rolledBack)).isEmpty();
    }

    @Test
    void aPaymentIsInvoicedOnceHoweverOftenItsSuccessIsApplied() {
        UUID payment = payment();
        Instant at = Instant.parse("2032-01-01T00:00:00Z");

        Invoice once = issue(payment, at);
        Invoice again = issue(payment, at);

        assertThat(again.number()).isEqualTo(once.number());
        assertThat(jdbc.queryForObject("select count(*) from invoices where transaction_id = ?", Integer.class, payment))
                .isEqualTo(1);
    }
}
