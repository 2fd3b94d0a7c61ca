package com.thewans.advertising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The project's own checks of the rules the IAB's VAST 4.2 schema (vast_4.2.xsd) and VMAP 1.0 set for
 * what advertising emits: each element's children in the schema's strict sequence with their
 * occurrence bounds, required attributes, enumerations and the time patterns. Written from the
 * schema's facts, for the elements this service uses.
 */
public final class Vast42Rules {

    public static final String VAST = "http://www.iab.com/VAST";
    public static final String VMAP = "http://www.iab.net/videosuite/vmap";

    /** A child allowed in a sequence: its name and how often it may appear. */
    private record Slot(String name, int min, int max) {
    }

    private static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, List<Slot>> SEQUENCES = Map.of(
            "InLine", List.of(new Slot("AdSystem", 1, 1), new Slot("Error", 0, MANY), new Slot("Extensions", 0, 1),
                    new Slot("Impression", 1, MANY), new Slot("Pricing", 0, 1), new Slot("ViewableImpression", 0, 1),
                    new Slot("AdServingId", 1, 1), new Slot("AdTitle", 1, 1), new Slot("AdVerifications", 0, 1),
                    new Slot("Advertiser", 0, 1), new Slot("Category", 0, MANY), new Slot("Creatives", 1, 1),
                    new Slot("Description", 0, 1), new Slot("Expires", 0, 1), new Slot("Survey", 0, 1)),
            "Creatives", List.of(new Slot("Creative", 1, MANY)),
            "Creative", List.of(new Slot("CompanionAds", 0, 1), new Slot("CreativeExtensions", 0, 1),
                    new Slot("Linear", 0, 1), new Slot("NonLinearAds", 0, 1), new Slot("UniversalAdId", 1, MANY)),
            "Linear", List.of(new Slot("Icons", 0, 1), new Slot("TrackingEvents", 0, 1), new Slot("AdParameters", 0, 1),
                    new Slot("Duration", 1, 1), new Slot("MediaFiles", 1, 1), new Slot("VideoClicks", 0, 1)),
            "MediaFiles", List.of(new Slot("ClosedCaptionFiles", 0, 1), new Slot("MediaFile", 1, MANY),
                    new Slot("Mezzanine", 0, MANY), new Slot("InteractiveCreativeFile", 0, MANY)),
            "TrackingEvents", List.of(new Slot("Tracking", 0, MANY)),
            "VideoClicks", List.of(new Slot("ClickTracking", 0, MANY), new Slot("ClickThrough", 0, 1),
                    new Slot("CustomClick", 0, MANY)));

    private static final Set<String> TRACKING_EVENTS = Set.of("mute", "unmute", "pause", "resume", "rewind", "skip",
            "playerExpand", "playerCollapse", "loaded", "start", "firstQuartile", "midpoint", "thirdQuartile",
            "complete", "progress", "closeLinear", "creativeView", "acceptInvitation", "adExpand", "adCollapse",
            "minimize", "close", "overlayViewDuration", "otherAdInteraction", "interactiveStart");
    /** xs:time as VAST writes it (hh:mm:ss, optional fraction). */
    private static final Pattern TIME = Pattern.compile("\\d{2}:[0-5]\\d:[0-5]\\d(\\.\\d+)?");
    private static final Pattern OFFSET = Pattern.compile("(\\d{2}:[0-5]\\d:[0-5]\\d(\\.\\d\\d\\d)?|1?\\d?\\d(\\.?\\d)*%)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern VMAP_OFFSET = Pattern.compile("start|end|\\d{2}:[0-5]\\d:[0-5]\\d(\\.\\d{3})?"
            + "|\\d{1,3}(\\.\\d+)?%|#\\d+");

    private Vast42Rules() {
    }

    /** Checks a VAST document's root and every ad in it. */
    public static void check(Element vast) {
        assertThat(vast.getNamespaceURI()).isEqualTo(VAST);
        assertThat(vast.getLocalName()).isEqualTo("VAST");
        assertThat(vast.getAttribute("version")).isEqualTo("4.2");
        for (Element ad : children(vast)) {
            assertThat(ad.getLocalName()).as("VAST holds Ad or Error").isIn("Ad", "Error");
            if (!ad.getLocalName().equals("Ad")) {
                continue;
            }
            if (ad.hasAttribute("sequence")) {
                assertThat(ad.getAttribute("sequence")).matches(INTEGER);
            }
            if (ad.hasAttribute("adType")) {
                assertThat(ad.getAttribute("adType")).isIn("video", "audio", "hybrid");
            }
            List<Element> kinds = children(ad);
            assertThat(kinds).as("an Ad is one InLine or Wrapper").hasSize(1);
            checkTree(kinds.get(0));
        }
    }

    /** Checks a VMAP document: breaks with valid offsets, each with one source, inline VAST checked too. */
    public static void checkVmap(Element vmap) {
        assertThat(vmap.getNamespaceURI()).isEqualTo(VMAP);
        assertThat(vmap.getLocalName()).isEqualTo("VMAP");
        assertThat(vmap.getAttribute("version")).isEqualTo("1.0");
        for (Element adBreak : children(vmap)) {
            assertThat(adBreak.getLocalName()).isEqualTo("AdBreak");
            assertThat(adBreak.getAttribute("timeOffset")).matches(VMAP_OFFSET);
            assertThat(adBreak.getAttribute("breakType")).isIn("linear", "nonlinear", "display");
            List<Element> sources = children(adBreak).stream().filter(e -> e.getLocalName().equals("AdSource")).toList();
            assertThat(sources).hasSize(1);
            List<Element> content = children(sources.get(0));
            assertThat(content).hasSize(1);
            Element data = content.get(0);
            assertThat(data.getLocalName()).isIn("VASTAdData", "AdTagURI");
            if (data.getLocalName().equals("AdTagURI")) {
                assertThat(data.getAttribute("templateType")).isIn("vast1", "vast2", "vast3", "vast4");
                assertThat(data.getTextContent().strip()).startsWith("http");
            } else {
                check(children(data).get(0));
            }
        }
    }

    private static void checkTree(Element element) {
        List<Slot> sequence = SEQUENCES.get(element.getLocalName());
        if (sequence != null) {
            checkSequence(element, sequence);
        }
        attributes(element);
        for (Element child : children(element)) {
            checkTree(child);
        }
    }

    private static void checkSequence(Element parent, List<Slot> sequence) {
        List<Element> children = children(parent);
        int at = 0;
        for (Slot slot : sequence) {
            int seen = 0;
            while (at < children.size() && children.get(at).getLocalName().equals(slot.name())) {
                seen++;
                at++;
            }
            assertThat(seen).as("%s in %s", slot.name(), parent.getLocalName()).isBetween(slot.min(), slot.max());
        }
        assertThat(at).as("children of %s in the schema's order, nothing else: %s", parent.getLocalName(),
                names(children)).isEqualTo(children.size());
    }

    private static void attributes(Element e) {
        switch (e.getLocalName()) {
            case "MediaFile" -> {
                assertThat(e.getAttribute("delivery")).isIn("progressive", "streaming");
                assertThat(e.getAttribute("type")).isNotBlank();
                assertThat(e.getAttribute("width")).matches(INTEGER);
                assertThat(e.getAttribute("height")).matches(INTEGER);
                if (e.hasAttribute("bitrate")) {
                    assertThat(e.getAttribute("bitrate")).matches(INTEGER);
                }
                assertThat(e.getTextContent().strip()).startsWith("http");
            }
            case "UniversalAdId" -> assertThat(e.getAttribute("idRegistry")).isNotBlank();
            case "Tracking" -> {
                assertThat(e.getAttribute("event")).isIn(TRACKING_EVENTS);
                assertThat(e.getTextContent().strip()).startsWith("http");
            }
            case "Duration" -> assertThat(e.getTextContent().strip()).matches(TIME);
            case "Linear" -> {
                if (e.hasAttribute("skipoffset")) {
                    assertThat(e.getAttribute("skipoffset")).matches(OFFSET);
                }
            }
            case "Impression", "Error", "ClickThrough", "ClickTracking" ->
                assertThat(e.getTextContent().strip()).startsWith("http");
            case "AdServingId", "AdTitle", "AdSystem" -> assertThat(e.getTextContent().strip()).isNotEmpty();
            default -> {
            }
        }
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(parent.getLocalName() + " has no " + name));
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(Element::getLocalName).toList();
    }
}
