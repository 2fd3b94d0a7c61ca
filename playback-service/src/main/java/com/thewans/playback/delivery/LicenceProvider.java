package com.thewans.playback.delivery;

/**
 * A DRM system that answers licence requests for a verified session. ClearKey (W3C EME's built-in
 * system, {@link ClearKeyLicences}) is the one implementation: Widevine, FairPlay and PlayReady need
 * a commercial licence server (their own signing keys and certificates), which the platform does
 * not have yet. Each of those would be one more implementation wrapping its vendor's server, chosen
 * by {@link #system()} in the licence route.
 */
interface LicenceProvider {

    /** The system's short name in the licence URL ({@code clearkey}, later {@code widevine}, ...). */
    String system();

    /** The licence for this request body, for a session already verified to play {@code key}'s film. */
    byte[] licence(byte[] request, ContentKey key);

    /** The media type of the licence. */
    String contentType();
}
