package com.thewans.identity.device;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a viewer watches on; playback will apply its own rules per type. */
public enum DeviceType {
    @JsonProperty("web") WEB,
    @JsonProperty("mobile") MOBILE,
    @JsonProperty("tv") TV;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
