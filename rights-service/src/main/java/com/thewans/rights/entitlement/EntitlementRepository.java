package com.thewans.rights.entitlement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EntitlementRepository extends JpaRepository<Entitlement, UUID> {

    /**
     * Everything that could let this user watch this film, revoked and run-out ones included so a
     * check can say why not: the film's own entitlements and the user's subscriptions.
     */
    @Query("""
            select e from Entitlement e where e.userId = :userId
            and (e.filmId = :filmId or e.kind = com.thewans.rights.entitlement.EntitlementKind.SUBSCRIPTION)""")
    List<Entitlement> relevantTo(UUID userId, UUID filmId);

    Page<Entitlement> findByUserId(UUID userId, Pageable page);

    Optional<Entitlement> findByTransactionId(UUID transactionId);
}
