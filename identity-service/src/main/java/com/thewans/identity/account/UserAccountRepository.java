package com.thewans.identity.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmail(String email);

    Optional<UserAccount> findByPhone(String phone);

    boolean existsByEmail(String email);

    boolean existsByPhone(String phone);

    default Optional<UserAccount> findByContact(Contact contact) {
        return contact.channel() == ContactChannel.EMAIL ? findByEmail(contact.value()) : findByPhone(contact.value());
    }

    /** The account row locked for this transaction: serialises sign-ins that count devices. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.id = :id")
    Optional<UserAccount> lockById(@Param("id") UUID id);

    /** Roles live in one comma-separated column; ADMIN appears in it exactly as the enum name. */
    @Query(value = "select exists (select 1 from users where ',' || roles || ',' like '%,ADMIN,%')",
            nativeQuery = true)
    boolean anyAdministrator();
}
