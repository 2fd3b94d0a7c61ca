package com.thewans.identity.device;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;


/** The devices of each account, within the configured maximum per account. */
@Service
public class DeviceRegistry {

    private final DeviceRepository devices;
    private final Clock clock;
    private final int maxPerAccount;

    DeviceRegistry(DeviceRepository devices, Clock clock,
            @Value("${wans.identity.devices.max-per-account}") int maxPerAccount) {
        this.devices = devices;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
    }

    /**
     * The device this sign-in comes from, registering it if it is new. The caller holds the
     * account's row lock, so two sign-ins from new devices cannot both take the last place.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Device enrol(UUID userId, DeviceDetails details) {
        var known = devices.findByUserIdAndFingerprint(userId, details.fingerprint());
        if (known.isPresent()) {
            known.get().signedInAgain(details, clock.instant());
            return known.get();
        }
        if (devices.countByUserId(userId) >= maxPerAccount) {
            throw new DeviceLimitReached(maxPerAccount, devices.findByUserIdOrderByLastSeenAtDesc(userId));
        }
        return devices.save(Device.register(userId, details, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void remove(UUID userId, UUID deviceId) {
        devices.delete(owned(userId, deviceId));
        devices.flush();
    }

    @Transactional(readOnly = true)
    public Device owned(UUID userId, UUID deviceId) {
        return devices.findByIdAndUserId(deviceId, userId).orElseThrow(() -> new DeviceNotFound(deviceId));
    }

    @Transactional(readOnly = true)
    public List<Device> of(UUID userId) {
        return devices.findByUserIdOrderByLastSeenAtDesc(userId);
    }

    public int maxPerAccount() {
        return maxPerAccount;
    }
}
