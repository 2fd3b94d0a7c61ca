package com.thewans.rights.window;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

import com.thewans.common.problem.InvalidField;

/**
 * A release window of one film: its type, where and when it applies, and what it sells on which terms.
 * Its id is chosen here, so it says itself whether it is new ({@link Persistable}): saving a new
 * window is then an insert, not a merge, whose copy of the prices would move the version on
 * before the create had answered it.
 */
@Entity
@Table(name = "windows")
public class ReleaseWindow implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "film_id", nullable = false, updatable = false)
    private UUID filmId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WindowType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WindowStatus status;

    private boolean worldwide;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private String[] territories;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "excluded_territories", columnDefinition = "text[]", nullable = false)
    private String[] excludedTerritories;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    private boolean exclusive;

    @Column(name = "anchor_window_id")
    private UUID anchorWindowId;

    @Column(name = "anchor_offset_days")
    private Integer anchorOffsetDays;

    @Column(name = "rental_start_days")
    private Integer rentalStartDays;

    @Column(name = "rental_watch_hours")
    private Integer rentalWatchHours;

    @Column(name = "ppv_event_starts_at")
    private Instant ppvEventStartsAt;

    @Column(name = "ppv_duration_minutes")
    private Integer ppvDurationMinutes;

    @Column(name = "edition_size")
    private Integer editionSize;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "window_prices", joinColumns = @JoinColumn(name = "window_id"))
    @MapKeyColumn(name = "currency")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "amount", nullable = false)
    private Map<Currency, Long> prices = new HashMap<>();

    @Transient
    private boolean scheduledNow;

    protected ReleaseWindow() {
    }

    static ReleaseWindow schedule(UUID filmId, WindowType type, TerritoryScope scope, Instant startsAt,
            RelativeStart anchor, Instant endsAt, boolean exclusive, WindowTerms terms, Instant now) {
        ReleaseWindow window = new ReleaseWindow();
        window.id = UUID.randomUUID();
        window.scheduledNow = true;
        window.filmId = filmId;
        window.type = type;
        window.status = WindowStatus.SCHEDULED;
        window.exclusive = exclusive;
        window.createdAt = now;
        window.updatedAt = now;
        window.cover(scope);
        window.startAt(startsAt, anchor);
        window.endsAt = endsAt;
        window.applyTerms(terms);
        return window;
    }

    /** A window stops being editable once it has expired or was cancelled. */
    void ensureEditable() {
        if (status == WindowStatus.EXPIRED || status == WindowStatus.CANCELLED) {
            throw new WindowNotEditable(id, status);
        }
    }

    void cover(TerritoryScope scope) {
        this.worldwide = scope.worldwide();
        this.territories = scope.sortedTerritories().toArray(String[]::new);
        this.excludedTerritories = scope.sortedExcluded().toArray(String[]::new);
    }

    void startAt(Instant startsAt, RelativeStart anchor) {
        this.startsAt = startsAt;
        this.anchorWindowId = anchor == null ? null : anchor.windowId();
        this.anchorOffsetDays = anchor == null ? null : anchor.offsetDays();
    }

    /** The anchor moved: this window opens the same number of days after its new start. */
    void followAnchor(Instant anchorStartsAt) {
        this.startsAt = anchorStartsAt.plus(Duration.ofDays(anchorOffsetDays));
    }

    void endAt(Instant endsAt) {
        this.endsAt = endsAt;
    }

    void makeExclusive(boolean exclusive) {
        this.exclusive = exclusive;
    }

    void applyTerms(WindowTerms terms) {
        this.prices.clear();
        this.prices.putAll(terms.prices());
        this.rentalStartDays = terms.rental() == null ? null : terms.rental().startWithinDays();
        this.rentalWatchHours = terms.rental() == null ? null : terms.rental().watchWithinHours();
        this.ppvEventStartsAt = terms.ppv() == null ? null : terms.ppv().eventStartsAt();
        this.ppvDurationMinutes = terms.ppv() == null ? null : terms.ppv().durationMinutes();
        this.editionSize = terms.editionSize();
    }

    /** Returns whether the window was open (so its closing must be announced). */
    boolean cancel(String reason, Instant now) {
        ensureEditable();
        boolean wasOpen = status == WindowStatus.ACTIVE;
        this.status = WindowStatus.CANCELLED;
        this.cancelReason = reason;
        this.updatedAt = now;
        return wasOpen;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }

    /** Checks the rules that tie the times and terms together. */
    void checkConsistent() {
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidField("endsAt", "must be after the start (" + startsAt + ")");
        }
        if (type == WindowType.PPV && (ppvEventStartsAt.isBefore(startsAt)
                || (endsAt != null && terms().ppv().eventEndsAt().isAfter(endsAt)))) {
            throw new InvalidField("ppv", "the event must take place inside the window");
        }
    }

    /**
     * Exclusivity (EMA Avails spirit): a window that is exclusive admits no other window of the
     * same type for the same film whose time and territory overlap its own.
     */
    boolean conflictsWith(ReleaseWindow other) {
        return !other.id.equals(id) && other.filmId.equals(filmId) && other.type == type
                && other.status != WindowStatus.CANCELLED && (exclusive || other.exclusive)
                && overlapsInTime(other) && scope().overlaps(other.scope());
    }

    private boolean overlapsInTime(ReleaseWindow other) {
        boolean otherStartsBeforeThisEnds = endsAt == null || other.startsAt.isBefore(endsAt);
        boolean thisStartsBeforeOtherEnds = other.endsAt == null || startsAt.isBefore(other.endsAt);
        return otherStartsBeforeThisEnds && thisStartsBeforeOtherEnds;
    }

    public boolean isOpenAt(Instant now) {
        return status != WindowStatus.CANCELLED && !startsAt.isAfter(now) && (endsAt == null || now.isBefore(endsAt));
    }

    public TerritoryScope scope() {
        return TerritoryScope.fromColumns(worldwide, territories, excludedTerritories);
    }

    public WindowTerms terms() {
        RentalTerms rental = rentalStartDays == null ? null : new RentalTerms(rentalStartDays, rentalWatchHours);
        PpvEvent ppv = ppvEventStartsAt == null ? null : new PpvEvent(ppvEventStartsAt, ppvDurationMinutes);
        Map<Currency, Long> copy = new EnumMap<>(Currency.class);
        copy.putAll(prices);
        return new WindowTerms(copy, rental, ppv, editionSize);
    }

    public RentalTerms rentalTerms() {
        return rentalStartDays == null ? null : new RentalTerms(rentalStartDays, rentalWatchHours);
    }

    public PpvEvent ppvEvent() {
        return ppvEventStartsAt == null ? null : new PpvEvent(ppvEventStartsAt, ppvDurationMinutes);
    }

    public List<Price> priceList() {
        return prices.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Price.of(e.getValue(), e.getKey())).toList();
    }

    public UUID id() {
        return id;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return scheduledNow;
    }

    @PostPersist
    @PostLoad
    void stored() {
        scheduledNow = false;
    }

    public UUID filmId() {
        return filmId;
    }

    public WindowType type() {
        return type;
    }

    public WindowStatus status() {
        return status;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public boolean exclusive() {
        return exclusive;
    }

    public UUID anchorWindowId() {
        return anchorWindowId;
    }

    public Integer anchorOffsetDays() {
        return anchorOffsetDays;
    }

    public Integer editionSize() {
        return editionSize;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
