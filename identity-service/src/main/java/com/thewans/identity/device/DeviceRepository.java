package com.thewans.identity.device;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeviceRepository extends JpaRepository<Device, UUID> {

    Optional<Device> findByUserIdAndFingerprint(UUID userId, String fingerprint);

    Optional<Device> findByIdAndUserId(UUID id, UUID userId);

    List<Device> findByUserIdOrderByLastSeenAtDesc(UUID userId);

    long countByUserId(UUID userId);
}
