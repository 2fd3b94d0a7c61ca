package com.thewans.payment.purchase;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The service takes no mobile money through a wallet of that name; {@code wallets} lists the ones it does. */
class WalletUnknown extends WansException {

    WalletUnknown(String wallet, Collection<String> wallets) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "wallet-unknown", "Mobile money cannot be paid through " + wallet);
        with("wallet", wallet);
        with("wallets", List.copyOf(wallets));
    }
}
