package com.thewans.payment.invoice;

import java.time.Instant;
import java.util.UUID;

import com.thewans.payment.web.Money;

/** An invoice as clients see it, with the link to its PDF. */
record InvoiceView(UUID id, String number, UUID transactionId, String description, Money total, Money gst,
        Money net, Instant issuedAt, String pdf) {

    static InvoiceView of(Invoice i) {
        return new InvoiceView(i.id(), i.number(), i.transactionId(), i.description(),
                new Money(i.amount(), i.currency()), new Money(i.gstAmount(), i.currency()),
                new Money(i.netAmount(), i.currency()), i.issuedAt(), "/api/invoices/" + i.id() + "/pdf");
    }
}
