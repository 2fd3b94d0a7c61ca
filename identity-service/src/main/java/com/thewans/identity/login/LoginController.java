package com.thewans.identity.login;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.identity.account.Contact;
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
@Tag(name = "Sign-in", description = "Sign in with an email or phone number and a password; answers an access and a "
        + "refresh token")
class LoginController {

    /** Either email or phone; the device fields describe where the sign-in comes from. */
    record LoginRequest(@Size(max = 254) String email, @Size(max = 32) String phone,
            @NotEmpty @Size(max = 512) String password, @Size(max = 100) String deviceName, DeviceType deviceType,
            @Size(max = 200) String fingerprint, UUID replaceDeviceId) {
    }

    private final LoginService logins;
    private final Clock clock;

    LoginController(LoginService logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
    }

    @PostMapping("/api/auth/login")
    @Operation(summary = "Sign in with a password; registers the device and starts a session")
    @ApiResponse(responseCode = "401", description = "The email or phone number and password do not match "
            + "(`invalid-credentials`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "403", description = "The account is disabled (`account-disabled`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The account has its most devices already "
            + "(`device-limit-reached`); name one to replace in `replaceDeviceId`",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this account or address "
            + "(`too-many-sign-in-attempts`); `Retry-After` says when to try again",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Every password check is taken right now (`sign-in-busy`), or "
            + "Redis is away (`dependency-unavailable`); retry shortly",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<TokenResponse> login(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                    {"email": "kila@example.pg", "password": "Kina-and-toea-42", "deviceName": "Kila's phone",
                     "deviceType": "mobile"}""")))
            @Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        ClientOrigin origin = ClientOrigin.of(http);
        DeviceDetails device = DeviceDetails.describe(request.deviceName(), request.deviceType(),
                request.fingerprint(), origin);
        Contact contact = Contact.of(request.email(), request.phone());
        return TokenResponse.answer(
                logins.login(contact, request.password(), device, request.replaceDeviceId(), origin), clock);
    }
}
