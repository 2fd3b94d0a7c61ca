package com.thewans.identity.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.thewans.identity.web.ClientOrigin;

/**
 * The device a sign-in comes from, as the client describes it. A client that sends no
 * fingerprint is taken to be a web browser identified by its user agent: it still counts
 * against the device limit, it just cannot tell two identical browsers apart.
 */
public record DeviceDetails(String name, DeviceType type, String fingerprint) {

    public static DeviceDetails describe(String name, DeviceType type, String fingerprint, ClientOrigin origin) {
        DeviceType actualType = type == null ? DeviceType.WEB : type;
        String agent = origin.userAgent() == null ? "unknown" : origin.userAgent();
        String actualFingerprint = fingerprint == null || fingerprint.isBlank() ? "ua:" + sha256(agent)
                : fingerprint.strip();
        String actualName = name == null || name.isBlank() ? defaultName(actualType, origin.userAgent())
                : name.strip();
        return new DeviceDetails(actualName, actualType, actualFingerprint);
    }

    private static String defaultName(DeviceType type, String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return switch (type) {
                case WEB -> "Web browser";
                case MOBILE -> "Phone";
                case TV -> "TV";
            };
        }
        return userAgent.length() > 100 ? userAgent.substring(0, 100) : userAgent;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
