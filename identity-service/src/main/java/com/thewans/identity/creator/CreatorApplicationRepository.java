package com.thewans.identity.creator;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CreatorApplicationRepository extends JpaRepository<CreatorApplication, UUID> {

    boolean existsByUserIdAndStatus(UUID userId, ApplicationStatus status);

    List<CreatorApplication> findByUserIdOrderBySubmittedAtDesc(UUID userId);

    Page<CreatorApplication> findByStatusOrderBySubmittedAtAsc(ApplicationStatus status, Pageable page);

    /** Locked, so two administrators deciding at once cannot both decide. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from CreatorApplication a where a.id = :id")
    Optional<CreatorApplication> lockById(@Param("id") UUID id);
}
