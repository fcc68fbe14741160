package io.livehall.showcase.live;

import io.livehall.common.error.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The live-session feature's public face for orders and flash deals. */
@Service
public class LiveSessions {

    private final LiveSessionRepository sessions;

    LiveSessions(LiveSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The session; a 404 problem if there is none. */
    public Mono<LiveSessionRef> find(long sessionId) {
        return sessions.find(sessionId)
                .map(s -> new LiveSessionRef(s.id(), s.merchantId(), s.title(), s.status().name()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")));
    }
}
