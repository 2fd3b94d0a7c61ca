package com.thewans.identity.device;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.identity.session.SessionService;

@RestController
class DeviceController {

    record DeviceView(UUID id, String name, DeviceType type, Instant registeredAt, Instant lastSeenAt,
            boolean current) {
    }

    record Devices(int maxDevices, List<DeviceView> devices) {
    }

    private final DeviceRegistry devices;
    private final SessionService sessions;

    DeviceController(DeviceRegistry devices, SessionService sessions) {
        this.devices = devices;
        this.sessions = sessions;
    }

    @GetMapping("/api/auth/devices")
    Devices list(@AuthenticationPrincipal CurrentUser user) {
        UUID current = sessions.deviceOf(user.sessionId());
        return new Devices(devices.maxPerAccount(), devices.of(user.userId()).stream()
                .map(d -> new DeviceView(d.id(), d.name(), d.type(), d.registeredAt(), d.lastSeenAt(),
                        d.id().equals(current)))
                .toList());
    }

    /** Removing a device signs it out: every session on it ends. */
    @DeleteMapping("/api/auth/devices/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID deviceId) {
        sessions.removeDevice(user.userId(), deviceId);
    }
}
