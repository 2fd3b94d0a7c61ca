package com.thewans.payment.invoice;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No such invoice, or another viewer's (404, not 403: invoice ids are not to be probed). */
class InvoiceNotFound extends WansException {

    InvoiceNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "invoice-not-found", "There is no invoice " + id);
        with("invoiceId", id);
    }
}
