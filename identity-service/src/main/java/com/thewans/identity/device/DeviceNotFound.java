package com.thewans.identity.device;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No device of the caller with that id. */
class DeviceNotFound extends WansException {

    DeviceNotFound(UUID deviceId) {
        super(HttpStatus.NOT_FOUND, "device-not-found", "You have no device " + deviceId);
        with("deviceId", deviceId);
    }
}
