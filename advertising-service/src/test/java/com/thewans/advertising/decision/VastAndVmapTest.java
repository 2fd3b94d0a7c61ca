package com.thewans.advertising.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.thewans.advertising.AdsTestSupport;
import com.thewans.advertising.Vast42Rules;
import com.thewans.testkit.TestHttp;

/** The XML players parse, checked element by element against the rules of VAST 4.2 and VMAP 1.0. */
class VastAndVmapTest extends AdsTestSupport {

    @Test
    void aPodIsVast42InLineAdsWithEveryElementPlayersNeed() {
        UUID film = film();
        UUID digicel = activeCampaign(campaignJson("Digicel", "{}", "\"priority\":9"));
        UUID skippable = readyCreative(digicel, "Digicel 30s", 30_500, 5);
        jdbc.update("delete from ad_creatives where campaign_id = ? and id <> ?", digicel, skippable);
        activeCampaign(campaignJson("Kina Bank", "{}", "\"priority\":3"));
        book.refresh();

        Element vast = xml(serve(film, viewer(), "PG").body()).getDocumentElement();

        Vast42Rules.check(vast);
        List<Element> ads = Vast42Rules.children(vast);
        assertThat(ads).hasSize(2);
        assertThat(ads.get(0).getAttribute("sequence")).isEqualTo("1");
        assertThat(ads.get(1).getAttribute("sequence")).isEqualTo("2");
        Element inline = Vast42Rules.child(ads.get(0), "InLine");
        assertThat(Vast42Rules.child(inline, "AdSystem").getTextContent()).isEqualTo("THE WANS");
        assertThat(Vast42Rules.child(inline, "Error").getTextContent()).contains("/api/ads/beacons/error?t=")
                .endsWith("&code=[ERRORCODE]");
        String servingId = Vast42Rules.child(inline, "AdServingId").getTextContent();
        assertThat(UUID.fromString(servingId)).isNotNull();
        assertThat(Vast42Rules.child(inline, "AdTitle").getTextContent()).isEqualTo("Digicel 30s");
        Element creative = Vast42Rules.child(Vast42Rules.child(inline, "Creatives"), "Creative");
        assertThat(Vast42Rules.child(creative, "UniversalAdId").getTextContent()).startsWith("WANS-");
        Element linear = Vast42Rules.child(creative, "Linear");
        assertThat(linear.getAttribute("skipoffset")).isEqualTo("00:00:05.000");
        assertThat(Vast42Rules.child(linear, "Duration").getTextContent()).isEqualTo("00:00:30.500");
        List<String> events = new ArrayList<>();
        Vast42Rules.children(Vast42Rules.child(linear, "TrackingEvents"))
                .forEach(t -> events.add(t.getAttribute("event")));
        assertThat(events).containsExactlyInAnyOrder("start", "firstQuartile", "midpoint", "thirdQuartile",
                "complete", "pause", "skip");
        Element media = Vast42Rules.child(Vast42Rules.child(linear, "MediaFiles"), "MediaFile");
        assertThat(media.getAttribute("delivery")).isEqualTo("progressive");
        assertThat(media.getAttribute("type")).isEqualTo("video/mp4");
        assertThat(media.getAttribute("width")).isEqualTo("1280");
        assertThat(media.getAttribute("height")).isEqualTo("720");
        assertThat(media.getAttribute("bitrate")).isEqualTo("1000");
        assertThat(media.getTextContent()).contains("ads/creatives/" + digicel);
        Element clicks = Vast42Rules.child(linear, "VideoClicks");
        assertThat(Vast42Rules.child(clicks, "ClickThrough").getTextContent()).isEqualTo("https://brand.example/pg");
        assertThat(Vast42Rules.child(clicks, "ClickTracking").getTextContent()).contains("/api/ads/beacons/click?t=");
        // a creative that cannot be skipped has no skipoffset and no skip beacon
        Element second = Vast42Rules.child(Vast42Rules.child(Vast42Rules.child(Vast42Rules.child(ads.get(1),
                "InLine"), "Creatives"), "Creative"), "Linear");
        assertThat(second.hasAttribute("skipoffset")).isFalse();
    }

    @Test
    void nothingEligibleIsAnEmptyVast() {
        TestHttp.Response vast = serve(film(), viewer(), "PG");

        Element root = xml(vast.body()).getDocumentElement();
        Vast42Rules.check(root);
        assertThat(Vast42Rules.children(root)).isEmpty();
        assertThat(serve(UUID.randomUUID(), viewer(), "PG").body()).isEqualTo(vast.body());
    }

    @Test
    void aSessionsVmapHasThePreRollInlineMidRollsEveryFifteenMinutesAndAPostRoll() {
        UUID film = film("PG", "drama", "en", 100);
        activeCampaign(campaignJson("Digicel", "{}", null));

        TestHttp.Response vmap = get("/api/ads/vmap/" + film + "?sessionId=" + UUID.randomUUID(), viewer(),
                "X-Country", "PG");

        assertThat(vmap.status()).isEqualTo(200);
        Element root = xml(vmap.body()).getDocumentElement();
        Vast42Rules.checkVmap(root);
        List<String> offsets = new ArrayList<>();
        Vast42Rules.children(root).forEach(b -> offsets.add(b.getAttribute("timeOffset")));
        assertThat(offsets).containsExactly("start", "00:15:00.000", "00:30:00.000", "00:45:00.000", "01:00:00.000",
                "01:15:00.000", "01:30:00.000", "end");
        Element preroll = Vast42Rules.child(Vast42Rules.child(Vast42Rules.children(root).get(0), "AdSource"),
                "VASTAdData");
        assertThat(preroll.getElementsByTagNameNS(Vast42Rules.VAST, "AdTitle").item(0).getTextContent())
                .isEqualTo("Buai Cola 15s");
    }

    @Test
    void aLaterBreakIsFetchedByItsSignedUrlWithoutATokenAndATamperedOneGetsNoAds() {
        UUID film = film("PG", "drama", "en", 100);
        activeCampaign(campaignJson("Digicel", "{}", null));
        Element root = xml(get("/api/ads/vmap/" + film, viewer(), "X-Country", "PG").body()).getDocumentElement();
        String midroll = Vast42Rules.child(Vast42Rules.child(Vast42Rules.children(root).get(1), "AdSource"),
                "AdTagURI").getTextContent().strip();
        String path = midroll.substring(midroll.indexOf("/api/ads/breaks/"));

        assertThat(AdDecisionTest.advertisers(get(path, null))).containsExactly("Digicel");
        String tampered = path.replaceFirst("s=.", "s=A");
        assertThat(AdDecisionTest.advertisers(get(tampered.equals(path) ? path.replaceFirst("s=.", "s=B") : tampered,
                null))).isEmpty();
    }

    @Test
    void aCreatorsCuePointsPlaceTheMidRolls() {
        UUID film = film("PG", "drama", "en", 100);
        UUID creator = jdbc.queryForObject("select creator_id from ad_films where film_id = ?", UUID.class, film);

        assertThat(put("/api/ads/films/" + film + "/breaks", "{\"cuePointsSeconds\":[1200,600]}", viewer())
                .status()).isEqualTo(403);
        assertProblem(put("/api/ads/films/" + film + "/breaks", "{\"cuePointsSeconds\":[9000]}",
                com.thewans.testkit.TestTokens.creator(creator)), 400, "validation-failed");
        TestHttp.Response set = put("/api/ads/films/" + film + "/breaks", "{\"cuePointsSeconds\":[1200,600]}",
                com.thewans.testkit.TestTokens.creator(creator));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        Element root = xml(get("/api/ads/vmap/" + film, viewer(), "X-Country", "PG").body()).getDocumentElement();
        List<String> offsets = new ArrayList<>();
        Vast42Rules.children(root).forEach(b -> offsets.add(b.getAttribute("timeOffset")));
        assertThat(offsets).containsExactly("00:10:00.000", "00:20:00.000", "end");
    }
}
