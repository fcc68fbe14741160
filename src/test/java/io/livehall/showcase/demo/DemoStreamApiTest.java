package io.livehall.showcase.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import io.livehall.DemoHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;

/** The demo loop as an HLS live stream over HTTP: playlist from the (fixed) clock, segments, no token needed. */
class DemoStreamApiTest extends DemoHallTest {

    private static final long SEGMENT = 2_000;
    /** Media sequence when the application started: 883,612,800 = 2026-01-01T00:00Z / 2 s, a multiple of 6. */
    private static final long STARTED_SEQUENCE = STARTED.toEpochMilli() / SEGMENT;

    /** The playlist {@code millis} after the start of segment {@code n} (counted from the start of the app). */
    private String playlistAt(long n, long millis) {
        clock.set(Instant.ofEpochMilli((STARTED_SEQUENCE + n) * SEGMENT + millis));
        return http.get().uri("/demo/stream/live.m3u8").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.apple.mpegurl")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void thePlaylistIsASlidingWindowOfFourSegmentsNumberedFromTheClock() {
        // 1000 segments after the start: segment 1000 mod 6 = 4; wraps since the start: 0, 6, … 996 → 167
        String m3u8 = playlistAt(1000, 1_999);
        assertThat(STARTED_SEQUENCE % 6).isZero();
        assertThat(m3u8).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:883613800
                #EXT-X-DISCONTINUITY-SEQUENCE:167
                #EXTINF:2.000,
                seg-4.ts
                #EXTINF:2.000,
                seg-5.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:2.000,
                seg-0.ts
                #EXTINF:2.000,
                seg-1.ts
                """);
        assertThat(m3u8).doesNotContain("#EXT-X-ENDLIST");

        // one millisecond later the window has moved on by one segment
        assertThat(playlistAt(1001, 0)).contains("#EXT-X-MEDIA-SEQUENCE:883613801\n")
                .contains("#EXT-X-DISCONTINUITY-SEQUENCE:167\n")
                .endsWith("seg-5.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\nseg-0.ts\n#EXTINF:2.000,\nseg-1.ts\n"
                        + "#EXTINF:2.000,\nseg-2.ts\n");
    }

    @Test
    void whenTheWindowOpensOnAWrapTheFirstSegmentCarriesTheDiscontinuity() {
        // segment 1002 = 167 × 6: its discontinuity is in the playlist, so it is not counted as gone yet
        String m3u8 = playlistAt(1002, 0);
        assertThat(m3u8).contains("#EXT-X-MEDIA-SEQUENCE:883613802\n#EXT-X-DISCONTINUITY-SEQUENCE:167\n"
                + "#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\nseg-0.ts\n");
        assertThat(m3u8.split("#EXT-X-DISCONTINUITY\n", -1)).hasSize(2);

        // and when it has left the window the sequence counts it
        assertThat(playlistAt(1003, 0)).contains("#EXT-X-DISCONTINUITY-SEQUENCE:168\n")
                .doesNotContain("#EXT-X-DISCONTINUITY\n");
    }

    @Test
    void discontinuityNumbersCountFromTheStartOfTheAppNotFrom1970() {
        // hls.js walks an array as long as the discontinuity number on every playlist load (DemoStreamPlaylist)
        assertThat(playlistAt(0, 0)).contains("#EXT-X-MEDIA-SEQUENCE:883612800\n#EXT-X-DISCONTINUITY-SEQUENCE:0\n"
                + "#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\nseg-0.ts\n");
        assertThat(playlistAt(43_200, 0)).as("a day later").contains("#EXT-X-DISCONTINUITY-SEQUENCE:7200\n");
    }

    @Test
    void everySegmentIsServedAsCacheableMpegTs() throws IOException {
        for (int k = 0; k < DemoStreamController.SEGMENTS; k++) {
            byte[] expected = new ClassPathResource("demo/stream/seg-" + k + ".ts").getContentAsByteArray();
            byte[] body = http.get().uri("/demo/stream/seg-" + k + ".ts").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("video/mp2t")
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=86400, public")
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(body).isEqualTo(expected);
            assertThat(body.length % 188).as("whole transport packets").isZero();
            assertThat(body[0]).as("MPEG-TS sync byte").isEqualTo((byte) 0x47);
        }
        for (String missing : new String[] {"seg-6.ts", "seg-99.ts", "seg-x.ts", "seg--1.ts"}) {
            http.get().uri("/demo/stream/" + missing).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType("application/problem+json");
        }
    }

    @Test
    void noTokenIsNeededAndNothingCanBeWritten() {
        http.get().uri("/demo/stream/live.m3u8").exchange().expectStatus().isOk(); // no Authorization header
        http.head().uri("/demo/stream/seg-0.ts").exchange().expectStatus().isOk();
        http.post().uri("/demo/stream/live.m3u8").exchange().expectStatus().is4xxClientError();
    }
}
