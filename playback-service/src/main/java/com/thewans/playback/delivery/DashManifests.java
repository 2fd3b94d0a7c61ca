package com.thewans.playback.delivery;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.thewans.playback.media.Quality;
import com.thewans.playback.media.TranscodedFilm;

/**
 * The CENC DASH manifest a session gets: video representations above the viewer's plan removed, and
 * a BaseURL through playback (the token in its path, since segment templates cannot carry a query),
 * which redirects each segment to a presigned storage URL if its representation is one the session
 * may play. The key comes from the ClearKey licence endpoint.
 */
@Component
class DashManifests {

    static final String MPD_NS = "urn:mpeg:dash:schema:mpd:2011";
    /** FFmpeg's segment names (transcoding's EncodePlan): init_$RepresentationID$.mp4, seg_$RepresentationID$_$Number$.m4s. */
    static final Pattern SEGMENT = Pattern.compile("(?:init_(\\d{1,3})\\.mp4|seg_(\\d{1,3})_\\d{1,9}\\.m4s)");

    private final StoredMedia stored;

    DashManifests(StoredMedia stored) {
        this.stored = stored;
    }

    String manifest(TranscodedFilm film, Quality cap, String baseUrl) {
        Document mpd = capped(film, cap, null);
        Element root = mpd.getDocumentElement();
        Element base = mpd.createElementNS(root.getNamespaceURI(), "BaseURL");
        base.setTextContent(baseUrl);
        Node before = root.getFirstChild();
        while (before != null && !(before instanceof Element e && !"ProgramInformation".equals(e.getLocalName()))) {
            before = before.getNextSibling();
        }
        root.insertBefore(base, before);
        return write(mpd);
    }

    /** The storage key of a segment of a representation this viewer may play; otherwise refused. */
    String segmentKey(TranscodedFilm film, Quality cap, String file) {
        Matcher m = SEGMENT.matcher(file);
        if (!m.matches()) {
            throw new RenditionNotAllowed(file, cap);
        }
        String representation = m.group(1) != null ? m.group(1) : m.group(2);
        Set<String> allowed = new LinkedHashSet<>();
        capped(film, cap, allowed);
        if (!allowed.contains(representation)) {
            throw new RenditionNotAllowed("representation " + representation, cap);
        }
        return film.dashFolder() + file;
    }

    private Document capped(TranscodedFilm film, Quality cap, Set<String> kept) {
        Document mpd = parse(stored.text(film.bucket(), film.dashManifestKey()));
        int best = film.allowedBy(cap).stream().mapToInt(r -> r.lines()).max().orElse(cap.lines());
        NodeList representations = mpd.getElementsByTagNameNS("*", "Representation");
        for (int i = representations.getLength() - 1; i >= 0; i--) {
            Element r = (Element) representations.item(i);
            int width = number(r.getAttribute("width"));
            int height = number(r.getAttribute("height"));
            int lines = width > 0 && height > 0 ? Math.min(width, height) : 0;
            if (lines > best) {
                r.getParentNode().removeChild(r);
            } else if (kept != null) {
                kept.add(r.getAttribute("id"));
            }
        }
        return mpd;
    }

    private static int number(String value) {
        try {
            return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // our own files, but parsed as strictly as anything else: no DTDs, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("The film's DASH manifest cannot be read", e);
        }
    }

    private static String write(Document mpd) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(mpd), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("The DASH manifest cannot be written", e);
        }
    }
}
