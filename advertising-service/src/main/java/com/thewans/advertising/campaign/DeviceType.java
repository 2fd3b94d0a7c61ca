package com.thewans.advertising.campaign;

/** The screens a campaign may target: a browser, a phone or tablet app, a TV (smart TV, stick, box). */
public enum DeviceType {
    WEB, MOBILE, TV;

    /** Fire TV models name themselves AFTxx (AFTMM, AFTKA...). */
    private static final java.util.regex.Pattern FIRE_TV = java.util.regex.Pattern.compile("\\baft[a-z0-9]{1,4}\\b");

    /**
     * The device a player runs on, from its User-Agent when it does not say: TVs and sticks name
     * their platform, phones say Mobile, Android, iPhone or iPad; anything else is a browser.
     */
    public static DeviceType fromUserAgent(String userAgent) {
        if (userAgent == null) {
            return WEB;
        }
        String ua = userAgent.toLowerCase(java.util.Locale.ROOT);
        if (ua.contains("smart-tv") || ua.contains("smarttv") || ua.contains("tizen") || ua.contains("web0s")
                || ua.contains("appletv") || ua.contains("android tv") || FIRE_TV.matcher(ua).find()
                || ua.contains("roku") || ua.contains("crkey")) {
            return TV;
        }
        if (ua.contains("mobile") || ua.contains("android") || ua.contains("iphone") || ua.contains("ipad")) {
            return MOBILE;
        }
        return WEB;
    }
}
