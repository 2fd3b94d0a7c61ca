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
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Wallet sign-in", description = "Sign-In with Ethereum (EIP-4361): sign a message with a wallet instead "
        + "of a password; link wallets to an account")
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
    @Operation(summary = "A one-time nonce to put in the sign-in message")
    ResponseEntity<Nonce> nonce() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Nonce(nonces.issue(), clock.instant().plus(settings.nonceTtl())));
    }

    @PostMapping("/api/auth/wallet/login")
    @Operation(summary = "Sign in (or register) with a signed EIP-4361 message")
    @ApiResponse(responseCode = "400", description = "Not an EIP-4361 message (`invalid-siwe-message`) or invalid "
            + "fields (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "401", description = "The message or signature does not hold: another site, an old "
            + "or used nonce, the wrong signer (`wallet-sign-in-refused`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "403", description = "The account is disabled (`account-disabled`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The account has its most devices already "
            + "(`device-limit-reached`); name one to replace in `replaceDeviceId`",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<TokenResponse> login(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                    {"message": "localhost:3000 wants you to sign in with your Ethereum account:\\n\
                    0x9aB1c2D3e4F5a6B7c8D9e0F1a2B3c4D5e6F7a8B9\\n\\nSign in to THE WANS\\n\\n\
                    URI: http://localhost:3000\\nVersion: 1\\nChain ID: 137\\nNonce: 8f3kQ2mZ7xL1\\n\
                    Issued At: 2026-05-01T08:30:00Z",
                     "signature": "0x4f1c...1b", "deviceName": "Kila's laptop", "deviceType": "web"}""")))
            @Valid @RequestBody WalletLogin login, HttpServletRequest http) {
        ClientOrigin origin = ClientOrigin.of(http);
        DeviceDetails device = DeviceDetails.describe(login.deviceName(), login.deviceType(), login.fingerprint(),
                origin);
        return TokenResponse.answer(signIn.signIn(login.message(), login.signature(), device, login.replaceDeviceId(),
                origin), clock);
    }

    @PostMapping("/api/auth/wallet/link")
    @Operation(summary = "Link a wallet to the signed-in account")
    @ApiResponse(responseCode = "400", description = "Not an EIP-4361 message (`invalid-siwe-message`) or invalid "
            + "fields (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "401", description = "The message or signature does not hold "
            + "(`wallet-sign-in-refused`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "The token names no account (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The wallet belongs to another account "
            + "(`wallet-linked-elsewhere`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    LinkedWallet link(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody WalletLink link) {
        Wallet wallet = signIn.link(user.userId(), link.message(), link.signature());
        return new LinkedWallet(wallet.address(), wallet.linkedAt());
    }

    @GetMapping("/api/auth/wallets")
    @Operation(summary = "The wallets linked to the caller's account")
    List<LinkedWallet> mine(@AuthenticationPrincipal CurrentUser user) {
        return signIn.of(user.userId()).stream().map(w -> new LinkedWallet(w.address(), w.linkedAt())).toList();
    }
}
