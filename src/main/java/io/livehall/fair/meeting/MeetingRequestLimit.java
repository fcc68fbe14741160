package io.livehall.fair.meeting;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How many new meeting requests a participant may send per window ({@link MeetingSettings#requestsPerWindow()} per
 * {@link MeetingSettings#requestWindow()}; a fixed window in Redis shared by all instances, key
 * {@code livehall:ratelimit:{<participantId>}:fair-meeting-requests}). A repeat of a request (same Idempotency-Key)
 * is not counted. Past the limit: 429 with Retry-After.
 */
@Component
class MeetingRequestLimit {

    private final FixedWindowCounter counter;
    private final MeetingSettings settings;

    MeetingRequestLimit(FixedWindowCounter counter, MeetingSettings settings) {
        this.counter = counter;
        this.settings = settings;
    }

    /** Counts one request of the participant: empty when within the limit, 429 past it. */
    Mono<Void> hit(long participantId) {
        return counter.hit(RedisKeys.of("ratelimit", participantId, "fair-meeting-requests"), settings.requestWindow(), 1)
                .flatMap(window -> {
                    if (window.hits() <= settings.requestsPerWindow()) {
                        return Mono.empty();
                    }
                    return Mono.error(ApiProblem.tooManyRequests("meeting-requests-rate-limited",
                            "洽谈邀请发送太频繁：每 " + minutes() + "最多 " + settings.requestsPerWindow() + " 个，请稍后再试",
                            window.endsIn()));
                });
    }

    private String minutes() {
        long s = settings.requestWindow().toSeconds();
        return s % 60 == 0 ? (s / 60) + " 分钟" : s + " 秒";
    }
}
