package com.thewans.advertising.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.thewans.advertising.AdsTestSupport;
import com.thewans.advertising.Vast42Rules;
import com.thewans.testkit.TestHttp;

class BeaconTest extends AdsTestSupport {

    @Test
    void anImpressionFiredTwiceCountsOnce() {
        UUID campaign = servedCampaign();
        String impression = path(beacon("Impression"));

        assertThat(get(impression, null).status()).isEqualTo(204);
        assertThat(get(impression, null).status()).isEqualTo(204);
        countFlush.flush();

        assertThat(count("impressions", campaign)).isEqualTo(1);
        assertThat(count("served", campaign)).isEqualTo(1);
    }

    @Test
    void manyFiringsOfOneImpressionAtOnceCountOnce() throws Exception {
        UUID campaign = servedCampaign();
        String impression = path(beacon("Impression"));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> fired = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            fired.add(pool.submit(() -> get(impression, null).status()));
        }
        for (Future<Integer> f : fired) {
            assertThat(f.get()).isEqualTo(204);
        }
        pool.shutdown();
        countFlush.flush();

        assertThat(count("impressions", campaign)).isEqualTo(1);
    }

    @Test
    void aForgedAlteredOrMisusedBeaconCountsNothingAndSaysNoMoreThanNo() {
        UUID campaign = servedCampaign();
        String impression = path(beacon("Impression"));
        String click = path(tracking("ClickTracking"));
        String token = impression.substring(impression.indexOf("t=") + 2);

        TestHttp.Response forged = get(impression.substring(0, impression.length() - 3) + "AAA", null);
        TestHttp.Response clickAsImpression = get("/api/ads/beacons/impression?" + click.substring(
                click.indexOf("t=")), null);
        TestHttp.Response otherPayload = get("/api/ads/beacons/impression?t=" + "eHh4" + token.substring(
                token.indexOf('.')), null);
        TestHttp.Response noToken = get("/api/ads/beacons/impression", null);
        TestHttp.Response unknownEvent = get("/api/ads/beacons/teleport?t=" + token, null);

        for (TestHttp.Response refused : List.of(forged, clickAsImpression, otherPayload, noToken, unknownEvent)) {
            assertProblem(refused, 400, "beacon-refused");
            assertThat(refused.json().get("detail").asString()).isEqualTo("This tracking request is not valid");
        }
        countFlush.flush();
        assertThat(count("impressions", campaign)).isZero();
    }

    @Test
    void aBeaconReplayedAfterItsAdExpiredCountsNothing() {
        UUID campaign = servedCampaign();
        String impression = path(beacon("Impression"));

        clock.set(now.plus(Duration.ofHours(7)));

        assertProblem(get(impression, null), 400, "beacon-refused");
        countFlush.flush();
        assertThat(count("impressions", campaign)).isZero();
    }

    @Test
    void postedImpressionsAndClicksCountOncePerServingIdWithTheGets() {
        UUID campaign = servedCampaign();
        String impression = path(beacon("Impression"));
        String click = path(tracking("ClickTracking"));
        String impressionToken = impression.substring(impression.indexOf("t=") + 2);
        String clickToken = click.substring(click.indexOf("t=") + 2);

        assertThat(post("/api/ads/impression", "{\"token\":\"" + impressionToken + "\"}", null).status())
                .isEqualTo(204);
        assertThat(get(impression, null).status()).isEqualTo(204);
        assertThat(post("/api/ads/click", "{\"token\":\"" + clickToken + "\"}", null).status()).isEqualTo(204);
        assertProblem(post("/api/ads/click", "{\"token\":\"" + impressionToken + "\"}", null), 400, "beacon-refused");
        countFlush.flush();

        assertThat(count("impressions", campaign)).isEqualTo(1);
        assertThat(count("clicks", campaign)).isEqualTo(1);
    }

    @Test
    void quartilesAndCompletionAreCountedAndPausesAccepted() {
        UUID campaign = servedCampaign();
        Element vast = lastVast;
        NodeList tracking = vast.getElementsByTagNameNS(Vast42Rules.VAST, "Tracking");
        for (int i = 0; i < tracking.getLength(); i++) {
            assertThat(get(path(tracking.item(i).getTextContent()), null).status()).isEqualTo(204);
        }
        countFlush.flush();

        assertThat(count("first_quartiles", campaign)).isEqualTo(1);
        assertThat(count("midpoints", campaign)).isEqualTo(1);
        assertThat(count("third_quartiles", campaign)).isEqualTo(1);
        assertThat(count("completes", campaign)).isEqualTo(1);
    }

    @Test
    void countsLeftByAFlushThatCrashedAreAddedOnceAndABatchAlreadyAddedIsNotAddedAgain() {
        UUID campaign = servedCampaign();
        get(path(beacon("Impression")), null);
        // a flush that died after moving the counts but before its commit
        redis.rename(PendingCounts.KEY, PendingCounts.FLUSHING_PREFIX + "crashed-before-commit");
        // and one that died after its commit, before deleting its batch
        redis.opsForHash().put(PendingCounts.FLUSHING_PREFIX + "crashed-after-commit",
                campaign + "|" + UUID.randomUUID() + "|" + UUID.randomUUID() + "|"
                        + now.truncatedTo(ChronoUnit.HOURS).getEpochSecond() + "|PG|PGK|5000|impressions", "7");
        jdbc.update("insert into ad_count_batches (batch_id, flushed_at) values ('crashed-after-commit', now())");

        countFlush.flush();

        assertThat(count("impressions", campaign)).isEqualTo(1);
        assertThat(count("served", campaign)).isEqualTo(1);
        assertThat(redis.keys("ads:counts:*")).isEmpty();
    }

    private Element lastVast;

    /** An active campaign served once to a PG viewer; its VAST kept for the beacons. */
    private UUID servedCampaign() {
        UUID film = film();
        UUID campaign = activeCampaign(campaignJson("Digicel", "{}", null));
        lastVast = xml(serve(film, viewer(), "PG").body()).getDocumentElement();
        return campaign;
    }

    private String beacon(String element) {
        return lastVast.getElementsByTagNameNS(Vast42Rules.VAST, element).item(0).getTextContent();
    }

    private String tracking(String element) {
        return beacon(element);
    }

    private static String path(String url) {
        return url.strip().substring(url.strip().indexOf("/api/ads/"));
    }
}
