package com.thewans.notification.delivery;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No delivery with that id, or (for a retry) none that has failed. */
public class DeliveryNotFound extends WansException {

    public DeliveryNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "delivery-not-found", "There is no failed delivery " + id);
        with("deliveryId", id);
    }
}
