package io.livehall.showcase.demo;

import java.time.Clock;
import java.time.Duration;

import io.livehall.common.error.ApiProblem;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Local profile only (like the demo hall it belongs to, {@code ShowcaseDemoData}): the demo live session's
 * picture, a 12 s loop played as an endless HLS live stream. {@code GET /demo/stream/live.m3u8} is the sliding
 * window computed from the clock (never cached); {@code GET /demo/stream/seg-<k>.ts} the segments, from
 * memory (cacheable). {@code GET /demo/stream/replay.m3u8} is a 6-minute video-on-demand playlist over the same
 * segments, the replay of the demo trainings. Public, no token (SecurityConfig).
 */
@RestController
@Hidden
@Profile("local")
class DemoStreamController {

    /** Keep in step with infra/demo-stream/make.sh (SEGMENTS, SEGMENT_SECONDS). */
    static final int SEGMENTS = 6;
    static final long SEGMENT_MILLIS = 2_000;
    /** the demo replay: 30 loops of 12 s */
    static final int REPLAY_LOOPS = 30;

    static final MediaType HLS_PLAYLIST = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final MediaType MPEG_TS = MediaType.parseMediaType("video/mp2t");

    private final DemoStreamPlaylist playlist;
    private final DemoStreamSegments segments;

    /** The application's clock (tests set it); its time now is the anchor of the discontinuity numbers. */
    DemoStreamController(Clock clock) {
        this.playlist = new DemoStreamPlaylist(clock, SEGMENTS, SEGMENT_MILLIS, clock.millis());
        this.segments = DemoStreamSegments.load("demo/stream", SEGMENTS);
    }

    @GetMapping("/demo/stream/live.m3u8")
    Mono<ResponseEntity<String>> playlist() {
        return Mono.fromSupplier(() -> ResponseEntity.ok()
                .contentType(HLS_PLAYLIST)
                .cacheControl(CacheControl.noCache())
                .body(playlist.render()));
    }

    @GetMapping("/demo/stream/replay.m3u8")
    Mono<ResponseEntity<String>> replay() {
        return Mono.fromSupplier(() -> ResponseEntity.ok()
                .contentType(HLS_PLAYLIST)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(playlist.vod(REPLAY_LOOPS)));
    }

    @GetMapping("/demo/stream/seg-{k}.ts")
    Mono<ResponseEntity<byte[]>> segment(@PathVariable String k) {
        byte[] bytes = k.matches("[0-9]{1,2}") ? segments.get(Integer.parseInt(k)) : null;
        if (bytes == null) {
            return Mono.error(ApiProblem.notFound("演示直播分片"));
        }
        return Mono.just(ResponseEntity.ok()
                .contentType(MPEG_TS)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(bytes));
    }
}
