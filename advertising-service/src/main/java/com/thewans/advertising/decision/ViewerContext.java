package com.thewans.advertising.decision;

import java.time.ZoneId;
import java.util.UUID;

import com.thewans.advertising.campaign.DeviceType;

/** Who an ad is for: the viewer (frequency caps), where they are, on what, and their local time zone (dayparts). */
record ViewerContext(UUID viewerId, String territory, DeviceType device, ZoneId zone) {
}
