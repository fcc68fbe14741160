package io.livehall.showcase.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The playlist arithmetic, checked the way a player reads it. */
class DemoStreamPlaylistTest {

    private static String at(long millis, int segments, long segmentMillis) {
        return at(millis, segments, segmentMillis, 0);
    }

    private static String at(long millis, int segments, long segmentMillis, long anchorMillis) {
        return new DemoStreamPlaylist(InstantSource.fixed(Instant.ofEpochMilli(millis)), segments, segmentMillis,
                anchorMillis).render();
    }

    /**
     * Reads a playlist as hls.js does: the first segment has the media sequence number and the discontinuity
     * sequence, each EXT-X-DISCONTINUITY adds one to the discontinuity number of the segments after it.
     * Records, per sequence number, the segment and its discontinuity number; fails if either changes.
     */
    private static void readInto(String m3u8, Map<Long, String> uris, Map<Long, Long> discontinuity) {
        long sequence = -1;
        long cc = -1;
        for (String line : m3u8.split("\n")) {
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = Long.parseLong(line.substring(line.indexOf(':') + 1));
            } else if (line.startsWith("#EXT-X-DISCONTINUITY-SEQUENCE:")) {
                cc = Long.parseLong(line.substring(line.indexOf(':') + 1));
            } else if (line.equals("#EXT-X-DISCONTINUITY")) {
                cc++;
            } else if (!line.startsWith("#")) {
                assertThat(uris.putIfAbsent(sequence, line)).as("segment of %d", sequence).isIn(null, line);
                assertThat(discontinuity.putIfAbsent(sequence, cc)).as("discontinuity of %d", sequence).isIn(null, cc);
                sequence++;
            }
        }
    }

    @Test
    void everySequenceNumberKeepsItsSegmentAndDiscontinuityNumberFromOnePlaylistToTheNext() {
        Map<Long, String> uris = new HashMap<>();
        Map<Long, Long> discontinuity = new HashMap<>();
        long anchor = 1_765_000_001_234L; // sequence 882,500,000: 2 segments after a wrap
        for (long t = anchor; t < anchor + 60_000; t += 250) {
            readInto(at(t, 6, 2_000, anchor), uris, discontinuity);
        }
        long first = anchor / 2_000;
        for (long s = first; s < first + 30; s++) {
            assertThat(uris.get(s)).isEqualTo("seg-" + (s % 6) + ".ts");
            assertThat(discontinuity.get(s)).as("wraps from the anchor to %d", s).isEqualTo(s / 6 - first / 6);
        }
    }

    @Test
    void theStartOfTheEpochHasNoDiscontinuityBeforeTheFirstSegment() {
        assertThat(at(0, 6, 2_000)).startsWith("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-DISCONTINUITY-SEQUENCE:0
                #EXTINF:2.000,
                seg-0.ts
                """);
    }

    @Test
    void aLoopShorterThanTheWindowWrapsInsideIt() {
        String m3u8 = at(10 * 1_500, 2, 1_500);
        assertThat(m3u8).contains("#EXT-X-TARGETDURATION:2\n", "#EXTINF:1.500,\n", "#EXT-X-MEDIA-SEQUENCE:10\n",
                "#EXT-X-DISCONTINUITY-SEQUENCE:4\n");
        assertThat(m3u8.split("#EXT-X-DISCONTINUITY\n", -1)).hasSize(3); // before 10 and 12
    }

    @Test
    void aClockSetBackBeforeTheAnchorGivesZeroNotANegativeNumber() {
        assertThat(at(1_000_000, 6, 2_000, 2_000_000)).contains("#EXT-X-MEDIA-SEQUENCE:500\n",
                "#EXT-X-DISCONTINUITY-SEQUENCE:0\n");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new DemoStreamPlaylist(InstantSource.system(), 0, 2_000, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReplayPlaylistIsTheLoopRepeatedWithDiscontinuitiesAndAnEnd() {
        String vod = new DemoStreamPlaylist(InstantSource.fixed(Instant.EPOCH), 6, 2_000, 0).vod(3);
        assertThat(vod).startsWith("#EXTM3U\n").contains("#EXT-X-PLAYLIST-TYPE:VOD\n", "#EXT-X-TARGETDURATION:2\n")
                .endsWith("seg-5.ts\n#EXT-X-ENDLIST\n");
        assertThat(vod.split("#EXTINF:2.000,", -1)).hasSize(3 * 6 + 1);
        assertThat(vod.split("#EXT-X-DISCONTINUITY\n", -1)).hasSize(3); // between the loops, not before the first
        assertThat(vod).doesNotContain("#EXT-X-DISCONTINUITY-SEQUENCE");
    }
}
