package com.thewans.identity.signing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

    Optional<SigningKey> findByStatus(KeyStatus status);

    List<SigningKey> findByStatusIn(Collection<KeyStatus> statuses);
}
