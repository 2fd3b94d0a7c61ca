package com.thewans.advertising.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.thewans.advertising.AdsTestSupport;
import com.thewans.advertising.Vast42Rules;
import com.thewans.testkit.TestHttp;

class AdDecisionTest extends AdsTestSupport {

    @Test
    void aViewerInTheTargetedTerritoryGetsTheAdAndAViewerElsewhereGetsAnEmptyVast() {
        UUID film = film();
        activeCampaign(campaignJson("Digicel", "{\"territories\":[\"PG\"],\"maturityRatings\":[\"PG\"]}", null));

        assertThat(advertisers(serve(film, viewer(), "PG"))).containsExactly("Digicel");
        TestHttp.Response au = serve(film, viewer(), "AU");
        assertThat(au.status()).isEqualTo(200);
        assertThat(advertisers(au)).isEmpty();
        Vast42Rules.check(xml(au.body()).getDocumentElement());
    }

    @Test
    void aFilmOfAnotherRatingGenreOrLanguageGetsNoneOfTheCampaign() {
        activeCampaign(campaignJson("Digicel", """
                {"genres":["drama"],"maturityRatings":["G","PG"],"languages":["tpi"]}""", null));

        assertThat(advertisers(serve(film("PG", "drama", "tpi", 90), viewer(), "PG"))).containsExactly("Digicel");
        assertThat(advertisers(serve(film("R18", "drama", "tpi", 90), viewer(), "PG"))).isEmpty();
        assertThat(advertisers(serve(film("PG", "comedy", "tpi", 90), viewer(), "PG"))).isEmpty();
        assertThat(advertisers(serve(film("PG", "drama", "en", 90), viewer(), "PG"))).isEmpty();
    }

    @Test
    void aDaypartIsTheViewersLocalEvening() {
        UUID film = film();
        activeCampaign(campaignJson("Digicel", "{\"dayparts\":[\"18:00-23:00\"]}", null));
        // 10:00 UTC is 20:00 in Port Moresby and 10:00 in London

        assertThat(advertisers(serve(film, viewer(), "PG"))).containsExactly("Digicel");
        assertThat(advertisers(serve(film, viewer(), "PG", "tz=Europe/London"))).isEmpty();
    }

    @Test
    void aDeviceTypeComesFromThePlayerOrItsUserAgent() {
        UUID film = film();
        activeCampaign(campaignJson("Digicel", "{\"deviceTypes\":[\"TV\"]}", null));

        assertThat(advertisers(serve(film, viewer(), "PG", "device=TV"))).containsExactly("Digicel");
        assertThat(advertisers(serve(film, viewer(), "PG", "device=MOBILE"))).isEmpty();
        assertThat(advertisers(get("/api/ads/serve/" + film, viewer(), "X-Country", "PG", "User-Agent",
                "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0)"))).containsExactly("Digicel");
    }

    @Test
    void higherPriorityFillsThePodFirstAndAnAdvertiserAppearsOncePerPod() {
        UUID film = film();
        activeCampaign(campaignJson("Kina Bank", "{}", "\"priority\":2"));
        activeCampaign(campaignJson("Digicel", "{}", "\"priority\":9"));
        activeCampaign(campaignJson("Digicel", "{}", "\"priority\":8"));
        activeCampaign(campaignJson("SP Brewery", "{}", "\"priority\":5"));

        // pods of two: Digicel (9), then not Digicel again (8), so SP Brewery (5); Kina Bank (2) waits
        for (int i = 0; i < 5; i++) {
            assertThat(advertisers(serve(film, viewer(), "PG"))).containsExactly("Digicel", "SP Brewery");
        }
    }

    @Test
    void aFrequencyCapStopsOneViewerButNotTheNext() {
        UUID film = film();
        activeCampaign(campaignJson("Digicel", "{}", "\"frequencyCap\":2"));
        String viewer = viewer();

        assertThat(advertisers(serve(film, viewer, "PG"))).containsExactly("Digicel");
        assertThat(advertisers(serve(film, viewer, "PG"))).containsExactly("Digicel");
        assertThat(advertisers(serve(film, viewer, "PG"))).isEmpty();
        assertThat(advertisers(serve(film, viewer(), "PG"))).containsExactly("Digicel");
    }

    @Test
    void aDailyBudgetIsPacedEvenlyOverTheDay() {
        UUID film = film();
        // 1 toea per impression (CPM 1000), 48 toea a day: by 10:00 UTC plus the 30 minute lead, 21 of them
        activeCampaign(campaignJson("Digicel", "{}", null).replace("\"dailyBudget\":100000", "\"dailyBudget\":48")
                .replace("\"cpm\":5000", "\"cpm\":1000"));

        assertThat(servedTo(film, 30)).isEqualTo(21);
        clock.set(now.plus(Duration.ofHours(13)).plus(Duration.ofMinutes(40)));
        assertThat(servedTo(film, 30)).isEqualTo(48 - 21);
    }

    @Test
    void manyViewersAtOnceNeverSpendPastTheTotalBudgetByMoreThanOneImpression() throws Exception {
        UUID film = film();
        clock.set(now.plus(Duration.ofHours(13)).plus(Duration.ofMinutes(45)));  // pacing allows the whole day
        UUID campaign = activeCampaign(campaignJson("Digicel", "{}", null)
                .replace("\"totalBudget\":1000000", "\"totalBudget\":50").replace("\"dailyBudget\":100000",
                        "\"dailyBudget\":50").replace("\"cpm\":5000", "\"cpm\":1000"));

        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Callable<Integer> call = () -> advertisers(serve(film, viewer(), "PG")).size();
            answers.add(pool.submit(call));
        }
        int served = 0;
        for (Future<Integer> a : answers) {
            served += a.get();
        }
        pool.shutdown();

        assertThat(served).isBetween(50, 51);
        assertThat(get("/api/ads/campaigns/" + campaign, admin).json().get("status").asString())
                .isEqualTo("OUT_OF_BUDGET");
        countFlush.flush();
        assertThat(count("served", campaign)).isEqualTo(served);
    }

    private int servedTo(UUID film, int viewers) {
        int served = 0;
        for (int i = 0; i < viewers; i++) {
            served += advertisers(serve(film, viewer(), "PG")).size();
        }
        return served;
    }

    static List<String> advertisers(TestHttp.Response vast) {
        assertThat(vast.status()).as(vast.body()).isEqualTo(200);
        assertThat(vast.header("Content-Type")).startsWith("application/xml");
        NodeList names = xml(vast.body()).getElementsByTagNameNS(Vast42Rules.VAST, "Advertiser");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.getLength(); i++) {
            out.add(((Element) names.item(i)).getTextContent());
        }
        return out;
    }
}
