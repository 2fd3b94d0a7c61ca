package com.thewans.advertising.decision;

import java.util.List;

/**
 * VMAP 1.0: the film's breaks with their {@code timeOffset} ({@code start}, {@code HH:MM:SS.mmm},
 * {@code end}), each with one AdSource holding its VAST inline ({@code VASTAdData}, the pre-roll,
 * chosen now as it plays at once) or by URI ({@code AdTagURI}, later breaks, chosen when the player
 * reaches them so budgets are not spent on breaks a viewer never sees).
 */
final class VmapDocument {

    static final String NAMESPACE = "http://www.iab.net/videosuite/vmap";

    /** One break: where it falls, and its VAST inline or the URL to fetch it from. */
    record AdBreak(String breakId, String timeOffset, String inlineVast, String vastUrl) {
    }

    private VmapDocument() {
    }

    static String of(List<AdBreak> breaks) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<vmap:VMAP xmlns:vmap=\"").append(NAMESPACE).append("\" version=\"1.0\">");
        for (AdBreak b : breaks) {
            x.append("<vmap:AdBreak timeOffset=\"").append(b.timeOffset()).append("\" breakType=\"linear\" breakId=\"")
                    .append(b.breakId()).append("\">");
            x.append("<vmap:AdSource id=\"").append(b.breakId()).append("-ads\" allowMultipleAds=\"true\"")
                    .append(" followRedirects=\"true\">");
            if (b.inlineVast() != null) {
                x.append("<vmap:VASTAdData>").append(b.inlineVast()).append("</vmap:VASTAdData>");
            } else {
                x.append("<vmap:AdTagURI templateType=\"vast4\">").append(VastDocument.cdata(b.vastUrl()))
                        .append("</vmap:AdTagURI>");
            }
            x.append("</vmap:AdSource></vmap:AdBreak>");
        }
        x.append("</vmap:VMAP>\n");
        return x.toString();
    }
}
