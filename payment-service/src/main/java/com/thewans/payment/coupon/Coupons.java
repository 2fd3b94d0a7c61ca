package com.thewans.payment.coupon;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.InvalidField;

/**
 * Coupons and their redemptions. A payment holds its use of a coupon from the moment it is
 * recorded: one conditional UPDATE takes a use only while uses are left (the row lock makes two
 * viewers racing for the last use take turns, and the second finds none), and the viewer's own
 * limit is counted under that same lock. A payment that fails or expires gives its use back.
 */
@Service
public class Coupons {

    /** What a coupon takes off one purchase. */
    public record Discount(String code, long amountOff) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Coupons(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the coupon would take off this price now, refusing one that does not apply (no use is taken). */
    @Transactional(readOnly = true)
    public Discount quote(String code, String kind, String planCode, long price, String currency) {
        Coupon coupon = get(code);
        coupon.requireUsable(Instant.now(clock), kind, planCode);
        return new Discount(coupon.code(), coupon.discountOn(price, currency));
    }

    /**
     * Takes one use of the coupon for a payment being recorded, inside the caller's transaction;
     * throws (rolling the payment back with it) when no use is left, overall or for this viewer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(String code, UUID userId, UUID transactionId) {
        take(code, userId, "transaction_id", transactionId);
    }

    /** Takes one use of the coupon for a subscription being recorded, as {@link #hold} does for a payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdForSubscription(String code, UUID userId, UUID subscriptionId) {
        take(code, userId, "subscription_id", subscriptionId);
    }

    /** The subscription started: its use of the coupon is final. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void redeemedBySubscription(UUID subscriptionId) {
        redeem("subscription_id", subscriptionId);
    }

    /** The subscription never started: its use goes back to the coupon, once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releasedBySubscription(UUID subscriptionId) {
        release("subscription_id", subscriptionId);
    }

    /** One use, counted on the coupon and recorded for what took it ({@code column}: a payment or a subscription). */
    private void take(String code, UUID userId, String column, UUID holder) {
        Instant now = Instant.now(clock);
        String normalized = normalize(code);
        record Taken(UUID couponId, int maxPerUser) {
        }
        List<Taken> taken = jdbc.query("""
                update coupons set redeemed_count = redeemed_count + 1, updated_at = ?
                where code = ? and disabled_at is null and (valid_until is null or valid_until > ?)
                    and (max_redemptions is null or redeemed_count < max_redemptions)
                returning id, max_per_user""", (rs, n) -> new Taken(rs.getObject(1, UUID.class), rs.getInt(2)),
                ts(now), normalized, ts(now));
        if (taken.isEmpty()) {
            Coupon coupon = get(normalized);
            if (coupon.disabledAt() != null || (coupon.validUntil() != null && !now.isBefore(coupon.validUntil()))) {
                throw new CouponExpired(normalized);
            }
            throw new CouponExhausted(normalized);
        }
        UUID couponId = taken.get(0).couponId();
        int perUser = taken.get(0).maxPerUser();
        Integer used = jdbc.queryForObject("""
                select count(*) from coupon_redemptions where coupon_id = ? and user_id = ? and status <> 'RELEASED'""",
                Integer.class, couponId, userId);
        if (used >= perUser) {
            throw new CouponNotApplicable(normalized, "you have used it " + used + " time" + (used == 1 ? "" : "s")
                    + " already");
        }
        jdbc.update("""
                insert into coupon_redemptions (%s, coupon_id, user_id, status, created_at, updated_at)
                values (?, ?, ?, 'HELD', ?, ?)""".formatted(column), holder, couponId, userId, ts(now), ts(now));
    }

    /** The payment was captured: its use of the coupon is final. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void redeemed(UUID transactionId) {
        redeem("transaction_id", transactionId);
    }

    private void redeem(String column, UUID holder) {
        jdbc.update("update coupon_redemptions set status = 'REDEEMED', updated_at = ? where %s = ? and status = 'HELD'"
                .formatted(column), ts(Instant.now(clock)), holder);
    }

    /** The payment failed or expired: its use goes back to the coupon, once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void released(UUID transactionId) {
        release("transaction_id", transactionId);
    }

    private void release(String column, UUID holder) {
        List<UUID> coupon = jdbc.queryForList("""
                update coupon_redemptions set status = 'RELEASED', updated_at = ?
                where %s = ? and status = 'HELD' returning coupon_id""".formatted(column), UUID.class,
                ts(Instant.now(clock)), holder);
        coupon.forEach(id -> jdbc.update("update coupons set redeemed_count = redeemed_count - 1 where id = ?", id));
    }

    @Transactional(readOnly = true)
    public Coupon get(String code) {
        String normalized = normalize(code);
        Coupon bare = jdbc.query("select * from coupons where code = ?", (rs, n) -> map(rs, Map.of()), normalized)
                .stream().findFirst().orElseThrow(() -> new CouponNotFound(normalized));
        Map<String, Long> amounts = amountsOff(bare.id());
        return amounts.isEmpty() ? bare : new Coupon(bare.id(), bare.code(), bare.description(), bare.percentOff(),
                Map.copyOf(amounts), bare.appliesTo(), bare.planCodes(), bare.validFrom(), bare.validUntil(),
                bare.maxRedemptions(), bare.maxPerUser(), bare.redeemedCount(), bare.disabledAt());
    }

    @Transactional(readOnly = true)
    List<Coupon> all() {
        Map<UUID, Map<String, Long>> amounts = new HashMap<>();
        jdbc.query("select coupon_id, currency, amount_off from coupon_amounts", row -> {
            amounts.computeIfAbsent(row.getObject(1, UUID.class), k -> new HashMap<>()).put(row.getString(2),
                    row.getLong(3));
        });
        return jdbc.query("select * from coupons order by created_at desc, code",
                (rs, n) -> map(rs, amounts.getOrDefault(rs.getObject("id", UUID.class), Map.of())));
    }

    @Transactional
    Coupon create(NewCouponRequest request) {
        String code = normalize(request.code());
        boolean percent = request.percentOff() != null;
        if (percent == !request.amountsOff().isEmpty()) {
            throw new InvalidField("percentOff", "give either percentOff or amountsOff, not both and not neither");
        }
        if (request.amountsOff().stream().map(m -> m.currency()).distinct().count() < request.amountsOff().size()) {
            throw new InvalidField("amountsOff", "name each currency once");
        }
        if (request.validUntil() != null && request.validFrom() != null
                && !request.validUntil().isAfter(request.validFrom())) {
            throw new InvalidField("validUntil", "must be after validFrom");
        }
        // PostgreSQL keeps microseconds (and the driver rounds): a coupon valid "from now" must not
        // read back a fraction after now
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("""
                    insert into coupons (id, code, description, percent_off, applies_to, plan_codes, valid_from,
                        valid_until, max_redemptions, max_per_user, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, code, request.description(),
                    request.percentOff(), request.appliesTo().stream().map(Enum::name).distinct().toArray(String[]::new),
                    request.planCodes().toArray(String[]::new),
                    ts(request.validFrom() == null ? now : request.validFrom()), ts(request.validUntil()),
                    request.maxRedemptions(), request.maxPerUser() == null ? 1 : request.maxPerUser(), ts(now), ts(now));
        } catch (DuplicateKeyException e) {
            throw new CouponExists(code);
        }
        request.amountsOff().forEach(m -> jdbc.update(
                "insert into coupon_amounts (coupon_id, currency, amount_off) values (?, ?, ?)", id, m.currency(),
                m.amount()));
        audit.record("coupon.created", "coupon:" + code, Map.of("percentOff", String.valueOf(request.percentOff()),
                "maxRedemptions", String.valueOf(request.maxRedemptions())));
        return get(code);
    }

    /**
     * Changes a coupon's words, end and limits. A limit never drops below the uses already taken (the
     * row's own count, in the UPDATE's condition, so a use taken meanwhile is counted).
     */
    @Transactional
    Coupon change(String code, CouponChangeRequest request) {
        Coupon coupon = get(code);
        if (request.validUntil() != null && !request.validUntil().isAfter(coupon.validFrom())) {
            throw new InvalidField("validUntil", "must be after validFrom (" + coupon.validFrom() + ")");
        }
        int changed = jdbc.update("""
                update coupons set description = coalesce(?, description), valid_until = coalesce(?, valid_until),
                    max_redemptions = coalesce(?, max_redemptions), max_per_user = coalesce(?, max_per_user),
                    updated_at = ?
                where id = ? and (?::int is null or ?::int >= redeemed_count)""", request.description(),
                ts(request.validUntil()), request.maxRedemptions(), request.maxPerUser(), ts(Instant.now(clock)),
                coupon.id(), request.maxRedemptions(), request.maxRedemptions());
        if (changed == 0) {
            throw new InvalidField("maxRedemptions", "it has been used " + get(code).redeemedCount() + " times already");
        }
        audit.record("coupon.changed", "coupon:" + coupon.code(), Map.of(
                "validUntil", String.valueOf(request.validUntil()), "maxRedemptions",
                String.valueOf(request.maxRedemptions()), "maxPerUser", String.valueOf(request.maxPerUser())));
        return get(code);
    }

    /** Withdraws a coupon: no new uses; payments already holding one keep it. */
    @Transactional
    Coupon disable(String code) {
        Coupon coupon = get(code);
        jdbc.update("update coupons set disabled_at = coalesce(disabled_at, ?), updated_at = ? where id = ?",
                ts(Instant.now(clock)), ts(Instant.now(clock)), coupon.id());
        audit.record("coupon.disabled", "coupon:" + coupon.code(), Map.of());
        return get(code);
    }

    static String normalize(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private Map<String, Long> amountsOff(UUID couponId) {
        Map<String, Long> amounts = new HashMap<>();
        jdbc.query("select currency, amount_off from coupon_amounts where coupon_id = ?", row -> {
            amounts.put(row.getString(1), row.getLong(2));
        }, couponId);
        return amounts;
    }

    private static Coupon map(ResultSet rs, Map<String, Long> amounts) throws SQLException {
        return new Coupon(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("description"), (Integer) rs.getObject("percent_off"),
                Map.copyOf(amounts), strings(rs.getArray("applies_to")), strings(rs.getArray("plan_codes")),
                instant(rs, "valid_from"), instant(rs, "valid_until"), (Integer) rs.getObject("max_redemptions"),
                rs.getInt("max_per_user"), rs.getInt("redeemed_count"), instant(rs, "disabled_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
