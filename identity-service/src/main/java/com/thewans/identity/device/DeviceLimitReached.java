package com.thewans.identity.device;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * Signing in from one device more than the account may hold. Only someone who proved the
 * credentials gets here, so the problem lists the devices: the client can offer to replace one
 * (sign in again with replaceDeviceId).
 */
public class DeviceLimitReached extends WansException {

    DeviceLimitReached(int maxDevices, List<Device> devices) {
        super(HttpStatus.CONFLICT, "device-limit-reached", "This account already has " + maxDevices
                + " devices, the most it may hold; remove one, or sign in again naming it in replaceDeviceId");
        with("maxDevices", maxDevices);
        with("devices", devices.stream().map(d -> Map.of("id", d.id(), "name", d.name(), "type", d.type().toString(),
                "lastSeenAt", d.lastSeenAt().toString())).toList());
    }
}
