package com.thewans.identity.wallet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.identity.device.DeviceDetails;
import com.thewans.identity.device.DeviceType;
import com.thewans.identity.session.TokenResponse;
import com.thewans.identity.web.ClientOrigin;

@RestController
class WalletController {

    record Nonce(String nonce, Instant expiresAt) {
    }

    /** The EIP-4361 message exactly as signed, and its personal_sign signature (0x + 130 hex). */
    record WalletLogin(@NotBlank @Size(max = SiweMessage.MAX_LENGTH) String message,
            @NotBlank @Size(max = 200) String signature, @Size(max = 100) String deviceName, DeviceType deviceType,
            @Size(max = 200) String fingerprint, UUID replaceDeviceId) {
    }

    record WalletLink(@NotBlank @Size(max = SiweMessage.MAX_LENGTH) String message,
            @NotBlank @Size(max = 200) String signature) {
    }

    record LinkedWallet(String address, Instant linkedAt) {
    }

    private final WalletSignIn signIn;
    private final WalletNonces nonces;
    private final WalletSettings settings;
    private final Clock clock;

    WalletController(WalletSignIn signIn, WalletNonces nonces, WalletSettings settings, Clock clock) {
        this.signIn = signIn;
        this.nonces = nonces;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/auth/wallet/nonce")
    ResponseEntity<Nonce> nonce() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Nonce(nonces.issue(), clock.instant().plus(settings.nonceTtl())));
    }

    @PostMapping("/api/auth/wallet/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody WalletLogin login, HttpServletRequest http) {
        ClientOrigin origin = ClientOrigin.of(http);
        DeviceDetails device = DeviceDetails.describe(login.deviceName(), login.deviceType(), login.fingerprint(),
                origin);
        return TokenResponse.answer(signIn.signIn(login.message(), login.signature(), device, login.replaceDeviceId(),
                origin), clock);
    }

    @PostMapping("/api/auth/wallet/link")
    LinkedWallet link(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody WalletLink link) {
        Wallet wallet = signIn.link(user.userId(), link.message(), link.signature());
        return new LinkedWallet(wallet.address(), wallet.linkedAt());
    }

    @GetMapping("/api/auth/wallets")
    List<LinkedWallet> mine(@AuthenticationPrincipal CurrentUser user) {
        return signIn.of(user.userId()).stream().map(w -> new LinkedWallet(w.address(), w.linkedAt())).toList();
    }
}
