package io.livehall.common.stream;

import java.net.URI;
import java.util.Locale;

/** How a player plays a stream URL: HLS in the page's player; FLV and WebRTC sources are shown as links. */
public enum StreamKind {
    HLS, FLV, WEBRTC, OTHER;

    public static StreamKind of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("webrtc://")) {
            return WEBRTC;
        }
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
        path = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (path.endsWith(".m3u8")) {
            return HLS;
        }
        if (path.endsWith(".flv")) {
            return FLV;
        }
        return OTHER;
    }
}
