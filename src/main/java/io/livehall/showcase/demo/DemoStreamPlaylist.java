package io.livehall.showcase.demo;

import java.time.InstantSource;

/**
 * The live (sliding-window) HLS playlist of the demo loop, computed from the clock: media sequence
 * {@code s = floor(epochMillis / segmentMillis)} opens a window of {@link #WINDOW} segments, sequence number
 * {@code s} plays segment {@code s mod N}. Where the loop wraps (a sequence number that is a multiple of N) the
 * segment is preceded by {@code #EXT-X-DISCONTINUITY} (its timestamps start again). Never ends: no
 * {@code #EXT-X-ENDLIST}.
 * <p>
 * {@code #EXT-X-DISCONTINUITY-SEQUENCE} counts the wraps that have left the window, so every sequence number keeps
 * the same discontinuity number in every version of the playlist. It counts them from the anchor (the start of the
 * application), not from 1970: hls.js 1.7 keeps a sparse array indexed by discontinuity number and walks all of it
 * on every playlist load ({@code initPTS.some(...)}); at the ~150 million wraps since 1970 that froze the page for
 * seconds at a time and the stream stalled. From the anchor it stays small (7,200 a day).
 */
final class DemoStreamPlaylist {

    static final int WINDOW = 4;

    private final InstantSource clock;
    private final int segments;
    private final long segmentMillis;
    private final long wrapsBeforeAnchor;
    private final String extinf;
    private final long targetDuration;

    DemoStreamPlaylist(InstantSource clock, int segments, long segmentMillis, long anchorMillis) {
        if (segments < 1 || segmentMillis < 1) {
            throw new IllegalArgumentException("segments and segmentMillis must be positive");
        }
        this.clock = clock;
        this.segments = segments;
        this.segmentMillis = segmentMillis;
        this.wrapsBeforeAnchor = wrapsBefore(Math.floorDiv(anchorMillis, segmentMillis));
        this.extinf = "#EXTINF:%d.%03d,".formatted(segmentMillis / 1000, segmentMillis % 1000);
        this.targetDuration = (segmentMillis + 999) / 1000;
    }

    /** The playlist as it is now. */
    String render() {
        long first = Math.floorDiv(clock.millis(), segmentMillis);
        StringBuilder m3u8 = new StringBuilder(256)
                .append("#EXTM3U\n")
                .append("#EXT-X-VERSION:3\n")
                .append("#EXT-X-TARGETDURATION:").append(targetDuration).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n')
                // a clock set back before the anchor gives 0: a glitch for a player watching then, nothing worse
                .append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(Math.max(0, wrapsBefore(first) - wrapsBeforeAnchor))
                .append('\n');
        for (long s = first; s < first + WINDOW; s++) {
            if (s > 0 && s % segments == 0) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            m3u8.append(extinf).append('\n').append(segmentName(Math.floorMod(s, segments))).append('\n');
        }
        return m3u8.toString();
    }

    /**
     * A video-on-demand playlist over the same segments (the replays of the demo trainings): the loop {@code loops}
     * times, each loop after the first behind {@code #EXT-X-DISCONTINUITY} (its timestamps start again), then
     * {@code #EXT-X-ENDLIST}, so a player shows the whole length and can seek.
     */
    String vod(int loops) {
        StringBuilder m3u8 = new StringBuilder(64 + loops * segments * 24)
                .append("#EXTM3U\n")
                .append("#EXT-X-VERSION:3\n")
                .append("#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-TARGETDURATION:").append(targetDuration).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n");
        for (int loop = 0; loop < loops; loop++) {
            if (loop > 0) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            for (int k = 0; k < segments; k++) {
                m3u8.append(extinf).append('\n').append(segmentName(k)).append('\n');
            }
        }
        return m3u8.append("#EXT-X-ENDLIST\n").toString();
    }

    /** Wraps (discontinuities) at sequence numbers N, 2N, … strictly before {@code sequence}. */
    private long wrapsBefore(long sequence) {
        return sequence <= 0 ? 0 : (sequence - 1) / segments;
    }

    static String segmentName(int index) {
        return "seg-" + index + ".ts";
    }
}
