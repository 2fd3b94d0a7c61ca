package com.thewans.rights.availability;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.thewans.rights.window.ReleaseWindow;
import com.thewans.rights.window.WindowStatus;

/** Works out availability from a film's windows; a pure function of the windows, territory and time. */
public final class AvailabilityRules {

    private AvailabilityRules() {
    }

    public static Availability of(UUID filmId, String territory, List<ReleaseWindow> windows, Instant now) {
        List<ReleaseWindow> here = windows.stream()
                .filter(w -> w.status() != WindowStatus.CANCELLED && w.scope().covers(territory))
                .sorted(Comparator.comparing(ReleaseWindow::startsAt).thenComparing(ReleaseWindow::id))
                .toList();
        List<Offer> offers = here.stream().filter(w -> w.isOpenAt(now)).map(AvailabilityRules::offer).toList();
        List<Offer> upcoming = here.stream().filter(w -> w.startsAt().isAfter(now)).map(AvailabilityRules::offer)
                .toList();
        boolean available = offers.stream().anyMatch(Offer::streamable);
        Availability.Reason reason = available ? null : reason(here, offers, upcoming);
        return new Availability(filmId, territory, now, available, offers, upcoming, reason);
    }

    private static Availability.Reason reason(List<ReleaseWindow> here, List<Offer> offers, List<Offer> upcoming) {
        if (here.isEmpty()) {
            return new Availability.Reason(Availability.ReasonCode.NO_WINDOW_IN_TERRITORY,
                    "The film has no release window in this territory");
        }
        Offer next = upcoming.stream().filter(Offer::streamable).findFirst().orElse(null);
        if (!offers.isEmpty()) {
            return new Availability.Reason(Availability.ReasonCode.NOT_STREAMABLE_YET, next == null
                    ? "The film is only at festivals or in cinemas here"
                    : "The film is only at festivals or in cinemas here; " + comingTo(next));
        }
        if (!upcoming.isEmpty()) {
            Offer first = next != null ? next : upcoming.get(0);
            return new Availability.Reason(Availability.ReasonCode.NOT_YET_OPEN, comingTo(first));
        }
        return new Availability.Reason(Availability.ReasonCode.WINDOW_EXPIRED,
                "The film's windows in this territory have ended");
    }

    private static String comingTo(Offer offer) {
        return "coming to " + offer.windowType() + " on "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(offer.startsAt().atZone(ZoneOffset.UTC));
    }

    static Offer offer(ReleaseWindow w) {
        OfferKind kind = OfferKind.of(w.type());
        return new Offer(w.id(), w.type(), kind, kind.streamable(), w.priceList().isEmpty() ? null : w.priceList(),
                w.rentalTerms(), w.ppvEvent(), w.editionSize(), w.startsAt(), w.endsAt());
    }

    /** When the answer for these windows next changes on its own (a start or an end), if ever. */
    static Instant nextChange(List<ReleaseWindow> windows, Instant now) {
        return windows.stream().filter(w -> w.status() != WindowStatus.CANCELLED)
                .flatMap(w -> Stream.of(w.startsAt(), w.endsAt()))
                .filter(t -> t != null && t.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }
}
