package com.thewans.identity.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SessionRepository extends JpaRepository<Session, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Session s where s.id = :id")
    Optional<Session> lockById(@Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Session s where s.userId = :userId and s.revokedAt is null")
    List<Session> lockActiveOf(@Param("userId") UUID userId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Session s where s.deviceId = :deviceId and s.revokedAt is null")
    List<Session> lockActiveOnDevice(@Param("deviceId") UUID deviceId);

    @Query("""
            select s from Session s where s.userId = :userId and s.revokedAt is null and s.lastSeenAt > :idleSince
            order by s.lastSeenAt desc""")
    List<Session> findLiveOf(@Param("userId") UUID userId, @Param("idleSince") Instant idleSince);
}
