package com.thewans.playback.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;

/**
 * What playback asks rights-service: the viewer's access (with the viewer's token), the offers that
 * would allow watching, and a rental's first play (as playback itself, SERVICE only).
 */
@Component
class RightsOffice {

    /** Our view of one of rights' offers (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Offer(UUID windowId, String windowType, String offer, boolean streamable, List<Map<String, Object>> prices,
            Instant startsAt, Instant endsAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Availability(List<Offer> offers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StartedRental(UUID id, Instant validUntil) {
    }

    private final ServiceClient asViewer;
    private final ServiceClient asPlayback;

    RightsOffice(ServiceClients clients) {
        this.asViewer = clients.forService("rights");
        this.asPlayback = clients.forServiceAsItself("rights");
    }

    AccessCheck check(UUID filmId, String territory) {
        return asViewer.get("/api/entitlements/check?filmId={filmId}&territory={territory}", AccessCheck.class, filmId,
                territory);
    }

    /** The streamable offers in this territory, to show a viewer who may not watch yet; none if rights cannot say. */
    List<Offer> streamableOffers(UUID filmId, String territory) {
        try {
            Availability availability = asViewer.get("/api/availability/{filmId}?territory={territory}",
                    Availability.class, filmId, territory);
            return availability == null || availability.offers() == null ? List.of()
                    : availability.offers().stream().filter(Offer::streamable).toList();
        } catch (WansException e) {
            return List.of();  // the refusal still says why; the offers are a courtesy
        }
    }

    /** The rental's watch hours start now (only the first report counts in rights); until when it may be watched. */
    Instant startRental(UUID entitlementId) {
        try {
            StartedRental started = asPlayback.post("/api/entitlements/internal/{id}/started", null,
                    StartedRental.class, entitlementId);
            return started == null ? null : started.validUntil();
        } catch (WansException e) {
            if (e.status() == HttpStatus.BAD_GATEWAY || e.status() == HttpStatus.NOT_FOUND) {
                // rights refused the start (revoked, or not started in time): not entitled after all
                throw new NotEntitled(List.of(new AccessCheck.Reason("RENTAL_NOT_STARTABLE",
                        "Your rental can no longer be started", null)), List.of());
            }
            throw e;
        }
    }
}
