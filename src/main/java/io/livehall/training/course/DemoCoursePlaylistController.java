package io.livehall.training.course;

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
 * Local profile only: the demo loop as an on-demand video of about {@code seconds} long, for the demo courses. The
 * demo live stream ({@code /demo/stream/live.m3u8}) is a sliding window nobody can seek in, so a lesson could not
 * resume on it; this VOD playlist ({@code #EXT-X-ENDLIST}) repeats the same six 2 s segments
 * ({@code /demo/stream/seg-<k>.ts}, served by the demo stream) with a discontinuity at each wrap. Public, no token
 * (SecurityConfig's {@code /demo/stream/**}).
 */
@RestController
@Hidden
@Profile("local")
class DemoCoursePlaylistController {

    /** The demo loop: six segments of two seconds (infra/demo-stream/make.sh). */
    static final int SEGMENTS = 6;
    static final int SEGMENT_SECONDS = 2;

    static final MediaType HLS_PLAYLIST = MediaType.parseMediaType("application/vnd.apple.mpegurl");

    @GetMapping("/demo/stream/course-{seconds}.m3u8")
    Mono<ResponseEntity<String>> playlist(@PathVariable String seconds) {
        if (!seconds.matches("[0-9]{1,4}") || Integer.parseInt(seconds) < 1) {
            return Mono.error(ApiProblem.notFound("演示课程视频"));
        }
        return Mono.just(ResponseEntity.ok().contentType(HLS_PLAYLIST).cacheControl(CacheControl.noCache())
                .body(render(Integer.parseInt(seconds))));
    }

    static String render(int seconds) {
        int count = (seconds + SEGMENT_SECONDS - 1) / SEGMENT_SECONDS;
        StringBuilder m3u8 = new StringBuilder(64 + count * 40)
                .append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-TARGETDURATION:").append(SEGMENT_SECONDS).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n");
        for (int s = 0; s < count; s++) {
            if (s > 0 && s % SEGMENTS == 0) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            m3u8.append("#EXTINF:").append(SEGMENT_SECONDS).append(".000,\n")
                    .append("/demo/stream/seg-").append(s % SEGMENTS).append(".ts\n");
        }
        return m3u8.append("#EXT-X-ENDLIST\n").toString();
    }
}
