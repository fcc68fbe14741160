package io.livehall.training.replay;

import java.net.URI;
import java.util.Locale;

import io.livehall.common.stream.StreamKind;

/**
 * How a replay plays: an HLS playlist (VOD, {@code .m3u8}) or an MP4 file. HLS is recognised by {@link StreamKind} (the
 * live streams' rule); MP4 by the path's {@code .mp4} suffix, which live streams never needed. Anything else (FLV,
 * a web page) is no replay the page can play.
 */
public enum ReplayKind {
    HLS, MP4;

    /** The kind of a replay address; null when the page could not play it. */
    public static ReplayKind of(String url) {
        if (StreamKind.of(url) == StreamKind.HLS) {
            return HLS;
        }
        try {
            String path = URI.create(url).getPath();
            return path != null && path.toLowerCase(Locale.ROOT).endsWith(".mp4") ? MP4 : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
