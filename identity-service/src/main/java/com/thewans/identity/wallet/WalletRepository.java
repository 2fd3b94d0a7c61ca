package com.thewans.identity.wallet;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WalletRepository extends JpaRepository<Wallet, String> {

    List<Wallet> findByUserIdOrderByLinkedAt(UUID userId);
}
