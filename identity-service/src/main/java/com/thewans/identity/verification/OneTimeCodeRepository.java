package com.thewans.identity.verification;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.thewans.identity.account.ContactChannel;

interface OneTimeCodeRepository extends JpaRepository<OneTimeCode, UUID> {

    /** Locked, so parallel guesses are counted one after another and cannot exceed the attempts. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select c from OneTimeCode c where c.userId = :userId and c.purpose = :purpose and c.channel = :channel
            and c.status = com.thewans.identity.verification.CodeStatus.OPEN""")
    List<OneTimeCode> lockOpen(@Param("userId") UUID userId, @Param("purpose") CodePurpose purpose,
            @Param("channel") ContactChannel channel);
}
