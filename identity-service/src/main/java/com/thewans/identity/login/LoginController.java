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

@RestController
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
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        ClientOrigin origin = ClientOrigin.of(http);
        DeviceDetails device = DeviceDetails.describe(request.deviceName(), request.deviceType(),
                request.fingerprint(), origin);
        Contact contact = Contact.of(request.email(), request.phone());
        return TokenResponse.answer(
                logins.login(contact, request.password(), device, request.replaceDeviceId(), origin), clock);
    }
}
