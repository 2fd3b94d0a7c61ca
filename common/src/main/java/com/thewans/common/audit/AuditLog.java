package com.thewans.common.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.thewans.common.security.CurrentUser;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records critical operations (login, role change, payment, refund, window change, payout): who
 * did what to which target, when and from where. The row is written in the caller's transaction,
 * so an operation that rolls back leaves no audit claim that it happened; a log line under the
 * AUDIT logger mirrors it for log-based alerting.
 */
public class AuditLog {

    private static final Logger auditLogger = LoggerFactory.getLogger("AUDIT");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record Entry(UUID id, java.time.Instant occurredAt, String actorId, String actorRoles, String action,
            String target, String details, String clientIp, String traceId) {
    }

    public UUID record(String action, String target, Map<String, ?> details) {
        Actor actor = currentActor();
        UUID id = UUID.randomUUID();
        String traceId = MDC.get("traceId");
        jdbc.update("""
                insert into audit_log (id, occurred_at, actor_id, actor_roles, action, target, details, client_ip, trace_id)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                id, Timestamp.from(clock.instant()), actor.id(), actor.roles(), action, target,
                json.writeValueAsString(details == null ? Map.of() : details), clientIp(), traceId);
        auditLogger.info("action={} target={} actor={} roles={} ip={}", action, target, actor.id(), actor.roles(),
                clientIp());
        return id;
    }

    /** The newest entries about one target, for admin screens and tests. */
    public List<Entry> forTarget(String target, int limit) {
        return jdbc.query("""
                select id, occurred_at, actor_id, actor_roles, action, target, details::text, client_ip, trace_id
                from audit_log where target = ? order by occurred_at desc limit ?""",
                (rs, i) -> new Entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)),
                target, Math.min(Math.max(limit, 1), 500));
    }

    private record Actor(String id, String roles) {
    }

    private static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return new Actor(user.userId().toString(),
                    user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        }
        return new Actor("system", "");
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            // the container resolves X-Forwarded-For from trusted proxies (server.forward-headers-strategy)
            return request.getRemoteAddr();
        }
        return null;
    }
}
