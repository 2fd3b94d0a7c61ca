package com.thewans.royalty.payout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where a party is paid: a PNG bank account (bank code, account number, name on the account). */
record PayeeRequest(
        @NotBlank @Size(max = 64) String accountName,
        @NotBlank @Pattern(regexp = "\\d{3,6}", message = "must be the bank's 3 to 6 digit code") String bankCode,
        @NotBlank @Pattern(regexp = "\\d{6,20}", message = "must be 6 to 20 digits") String accountNumber) {
}
