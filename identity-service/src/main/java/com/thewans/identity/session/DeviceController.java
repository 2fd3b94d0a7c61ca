package com.thewans.identity.session;

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
import com.thewans.identity.device.DeviceRegistry;
import com.thewans.identity.device.DeviceType;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's devices. It lives with sessions, not with devices, because what it does to a device
 * is about its sessions: which one is current, and ending all of them when it goes.
 */
@RestController
@Tag(name = "Devices", description = "The devices an account is signed in on, within the per-account limit")
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
    @Operation(summary = "The caller's devices, the current one marked, and how many are allowed")
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
    @Operation(summary = "Remove a device: every session on it ends")
    @ApiResponse(responseCode = "404", description = "The caller has no device with that id (`device-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void remove(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID deviceId) {
        sessions.removeDevice(user.userId(), deviceId);
    }
}
