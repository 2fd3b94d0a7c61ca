package com.thewans.advertising.decision;

import java.util.List;
import java.util.function.Function;

import com.thewans.advertising.campaign.Creative;
import com.thewans.advertising.tracking.BeaconEvent;
import com.thewans.advertising.tracking.BeaconUrls;

/**
 * VAST 4.2 as real players parse it: {@code InLine} ads in the IAB schema's strict element order
 * (AdSystem, Error, Impression, AdServingId, AdTitle, Advertiser, Creatives; inside a Creative the
 * Linear before UniversalAdId; inside Linear TrackingEvents, Duration, MediaFiles, VideoClicks; inside
 * VideoClicks ClickTracking before ClickThrough), a pod's ads numbered by {@code sequence}, URLs in
 * CDATA. No ad at all is an empty VAST, which every player reads as "nothing to play".
 */
final class VastDocument {

    static final String NAMESPACE = "http://www.iab.com/VAST";
    static final String AD_SYSTEM = "THE WANS";
    /** What players get when nothing may play: valid VAST with no Ad. */
    static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VAST version=\"4.2\" xmlns=\""
            + NAMESPACE + "\"/>\n";
    private static final List<BeaconEvent> LINEAR_EVENTS = List.of(BeaconEvent.START, BeaconEvent.FIRST_QUARTILE,
            BeaconEvent.MIDPOINT, BeaconEvent.THIRD_QUARTILE, BeaconEvent.COMPLETE, BeaconEvent.PAUSE);

    private VastDocument() {
    }

    /** The VAST of a pod; {@code mediaUrl} gives each creative's playable file URL. */
    static String of(List<AdDecisions.Chosen> pod, BeaconUrls beacons, Function<Creative, String> mediaUrl) {
        if (pod.isEmpty()) {
            return EMPTY;
        }
        StringBuilder x = new StringBuilder(2048 * pod.size());
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<VAST version=\"4.2\" xmlns=\"").append(NAMESPACE).append("\">");
        for (AdDecisions.Chosen ad : pod) {
            inline(x, ad, beacons, mediaUrl.apply(ad.creative()), pod.size() > 1);
        }
        x.append("</VAST>\n");
        return x.toString();
    }

    /** The same VAST without its XML declaration, to sit inside a VMAP's VASTAdData. */
    static String embedded(List<AdDecisions.Chosen> pod, BeaconUrls beacons, Function<Creative, String> mediaUrl) {
        String vast = of(pod, beacons, mediaUrl);
        return vast.substring(vast.indexOf("<VAST"));
    }

    private static void inline(StringBuilder x, AdDecisions.Chosen ad, BeaconUrls beacons, String media,
            boolean inPod) {
        Creative c = ad.creative();
        var served = ad.served();
        x.append("<Ad id=\"").append(served.campaignId()).append('"');
        if (inPod) {
            x.append(" sequence=\"").append(ad.sequence()).append('"');
        }
        x.append(" adType=\"video\"><InLine>");
        x.append("<AdSystem version=\"1.0\">").append(AD_SYSTEM).append("</AdSystem>");
        x.append("<Error>").append(cdata(beacons.of(BeaconEvent.ERROR, served))).append("</Error>");
        x.append("<Impression id=\"wans\">").append(cdata(beacons.of(BeaconEvent.IMPRESSION, served)))
                .append("</Impression>");
        x.append("<AdServingId>").append(served.servingId()).append("</AdServingId>");
        x.append("<AdTitle>").append(text(c.title())).append("</AdTitle>");
        x.append("<Advertiser>").append(text(ad.campaign().advertiser())).append("</Advertiser>");
        x.append("<Creatives><Creative id=\"").append(c.id()).append("\" sequence=\"1\" adId=\"")
                .append(attr(c.universalAdId())).append("\">");
        x.append("<Linear");
        if (c.skipOffsetSeconds() != null) {
            x.append(" skipoffset=\"").append(clock(c.skipOffsetSeconds() * 1000L)).append('"');
        }
        x.append("><TrackingEvents>");
        for (BeaconEvent event : LINEAR_EVENTS) {
            tracking(x, event, beacons.of(event, served));
        }
        if (c.skipOffsetSeconds() != null) {
            tracking(x, BeaconEvent.SKIP, beacons.of(BeaconEvent.SKIP, served));
        }
        x.append("</TrackingEvents>");
        x.append("<Duration>").append(clock(c.durationMs())).append("</Duration>");
        x.append("<MediaFiles><MediaFile id=\"").append(c.id()).append("-mp4\" delivery=\"progressive\"")
                .append(" type=\"video/mp4\" width=\"").append(c.width()).append("\" height=\"").append(c.height())
                .append("\" bitrate=\"").append(c.bitrateKbps()).append("\" codec=\"avc1\" scalable=\"true\"")
                .append(" maintainAspectRatio=\"true\">").append(cdata(media)).append("</MediaFile></MediaFiles>");
        x.append("<VideoClicks><ClickTracking id=\"wans\">").append(cdata(beacons.of(BeaconEvent.CLICK, served)))
                .append("</ClickTracking><ClickThrough id=\"wans\">").append(cdata(c.clickThroughUrl()))
                .append("</ClickThrough></VideoClicks>");
        x.append("</Linear>");
        x.append("<UniversalAdId idRegistry=\"").append(attr(c.universalAdRegistry())).append("\">")
                .append(text(c.universalAdId())).append("</UniversalAdId>");
        x.append("</Creative></Creatives></InLine></Ad>");
    }

    private static void tracking(StringBuilder x, BeaconEvent event, String url) {
        x.append("<Tracking event=\"").append(event.vastName()).append("\">").append(cdata(url)).append("</Tracking>");
    }

    /** HH:MM:SS.mmm, as VAST's Duration and skipoffset and VMAP's timeOffset write a time. */
    static String clock(long millis) {
        long s = millis / 1000;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60,
                millis % 1000);
    }

    static String cdata(String value) {
        // "]]>" cannot appear inside CDATA: split it across two sections
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String attr(String value) {
        return text(value).replace("\"", "&quot;");
    }
}
