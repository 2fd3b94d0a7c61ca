package com.thewans.identity.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.identity.account.AccountDisabled;
import com.thewans.identity.account.UserAccount;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.device.Device;
import com.thewans.identity.device.DeviceDetails;
import com.thewans.identity.device.DeviceRegistry;
import com.thewans.identity.token.AccessTokens;
import com.thewans.identity.token.RevokedSessions;
import com.thewans.identity.token.TokenSettings;
import com.thewans.identity.web.ClientOrigin;

/**
 * Sessions from sign-in to end: opening one on a registered device, rotating its refresh token
 * on every use (a used token presented again ends the whole session), and ending sessions, which
 * also puts them in the platform's revoked-session set so their access tokens stop working.
 */
@Service
public class SessionService {

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final UserAccountRepository users;
    private final DeviceRegistry devices;
    private final AccessTokens accessTokens;
    private final RevokedSessions revokedSessions;
    private final TokenSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    SessionService(SessionRepository sessions, RefreshTokenRepository refreshTokens, UserAccountRepository users,
            DeviceRegistry devices, AccessTokens accessTokens, RevokedSessions revokedSessions, TokenSettings settings,
            AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.devices = devices;
        this.accessTokens = accessTokens;
        this.revokedSessions = revokedSessions;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a session for an account whose credentials were just proven. The account row is
     * locked first: a disable or another sign-in of the same account waits for this one.
     */
    @Transactional
    public SignedIn signIn(UUID userId, DeviceDetails device, UUID replaceDeviceId, SignInMethod method,
            ClientOrigin origin) {
        UserAccount user = users.lockById(userId).orElseThrow(() -> new IllegalStateException("No account " + userId));
        if (!user.isActive()) {
            throw new AccountDisabled();
        }
        if (replaceDeviceId != null) {
            endOnDevice(userId, replaceDeviceId);
        }
        Device registered = devices.enrol(userId, device);
        Instant now = clock.instant();
        user.recordSignIn(now);
        Session session = sessions.save(Session.open(userId, registered.id(), method, origin, now));
        audit.record("identity.signed_in", userId.toString(), Map.of("sessionId", session.id().toString(),
                "deviceId", registered.id().toString(), "method", method.name()));
        return issue(user, session);
    }

    /**
     * Trades a refresh token for a new pair. The token's row is locked, so of two concurrent
     * refreshes with the same token one wins and the other finds it used, which is reuse: the
     * session ends (and stays ended, hence no rollback for these refusals).
     */
    @Transactional(noRollbackFor = {SessionRefused.class, AccountDisabled.class})
    public SignedIn refresh(String presented, ClientOrigin origin) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.lockByHash(RefreshTokenValue.hash(presented))
                .orElseThrow(SessionRefused::unknownToken);
        Session session = sessions.lockById(token.sessionId()).orElseThrow(SessionRefused::unknownToken);
        if (!session.isActive()) {
            throw SessionRefused.ended();
        }
        if (token.isUsed()) {
            end(List.of(session), EndReason.REFRESH_TOKEN_REUSED);
            audit.record("identity.refresh_token_reused", session.userId().toString(),
                    Map.of("sessionId", session.id().toString(), "ipAddress", String.valueOf(origin.ipAddress())));
            throw SessionRefused.reused();
        }
        if (token.hasExpired(now)) {
            throw SessionRefused.expiredToken();
        }
        UserAccount user = users.findById(session.userId()).orElseThrow(SessionRefused::unknownToken);
        if (!user.isActive()) {
            end(List.of(session), EndReason.ACCOUNT_DISABLED);
            throw new AccountDisabled();
        }
        token.use(now);
        session.seen(origin, now);
        return issue(user, session);
    }

    /** Ends one of the account's sessions (logout, or "sign out that device"). */
    @Transactional
    public void end(UUID userId, UUID sessionId, EndReason reason) {
        Session session = sessions.lockById(sessionId).filter(s -> s.userId().equals(userId) && s.isActive())
                .orElseThrow(() -> new SessionNotFound(sessionId));
        end(List.of(session), reason);
    }

    /** Ends every session of the account except {@code keep} (which may be null); returns how many. */
    @Transactional
    public int endAllOf(UUID userId, EndReason reason, UUID keep) {
        List<Session> ending = sessions.lockActiveOf(userId).stream().filter(s -> !s.id().equals(keep)).toList();
        end(ending, reason);
        return ending.size();
    }

    /** Removes one of the account's devices and ends every session on it. */
    @Transactional
    public void removeDevice(UUID userId, UUID deviceId) {
        endOnDevice(userId, deviceId);
    }

    @Transactional(readOnly = true)
    public List<SessionView> liveSessionsOf(UUID userId, UUID currentSessionId) {
        Map<UUID, Device> byId = devices.of(userId).stream().collect(Collectors.toMap(Device::id, Function.identity()));
        Instant idleSince = clock.instant().minus(settings.refreshTokenTtl());
        return sessions.findLiveOf(userId, idleSince).stream().map(s -> {
            Device d = s.deviceId() == null ? null : byId.get(s.deviceId());
            return new SessionView(s.id(), d == null ? null : new SessionView.Device(d.id(), d.name(),
                    d.type().toString()), s.signInMethod(), s.userAgent(), s.ipAddress(), s.createdAt(),
                    s.lastSeenAt(), s.id().equals(currentSessionId));
        }).toList();
    }

    @Transactional(readOnly = true)
    public UUID deviceOf(UUID sessionId) {
        return sessionId == null ? null : sessions.findById(sessionId).map(Session::deviceId).orElse(null);
    }

    private void endOnDevice(UUID userId, UUID deviceId) {
        devices.owned(userId, deviceId);
        end(sessions.lockActiveOnDevice(deviceId), EndReason.DEVICE_REMOVED);
        devices.remove(userId, deviceId);
    }

    private void end(List<Session> ending, EndReason reason) {
        Instant now = clock.instant();
        ending.forEach(s -> s.end(reason, now));
        sessions.flush();
        revokedSessions.add(ending.stream().map(Session::id).toList());
    }

    private SignedIn issue(UserAccount user, Session session) {
        Instant now = clock.instant();
        String refreshToken = RefreshTokenValue.generate();
        Instant refreshExpiresAt = now.plus(settings.refreshTokenTtl());
        refreshTokens.save(new RefreshToken(session.id(), RefreshTokenValue.hash(refreshToken), now, refreshExpiresAt));
        return new SignedIn(user.id(), user.roles(), session.id(), session.deviceId(),
                accessTokens.forSession(user.id(), user.roles(), session.id()), refreshToken, refreshExpiresAt);
    }
}
