package io.livehall.training.room;

import io.livehall.common.error.ApiProblem;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The checks every interaction of a training room starts with: the session exists, is live, the user is not banned. */
@Component
class RoomGuards {

    private final TrainingSessions sessions;
    private final RoomBans bans;

    RoomGuards(TrainingSessions sessions, RoomBans bans) {
        this.sessions = sessions;
        this.bans = bans;
    }

    /** The session, or 404. */
    Mono<TrainingSession> session(long sessionId) {
        return sessions.find(sessionId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")));
    }

    /** The session while it is live, 404 when there is none, 409 otherwise. */
    Mono<TrainingSession> live(long sessionId) {
        return session(sessionId).flatMap(s -> s.status() == TrainingStatus.LIVE
                ? Mono.just(s)
                : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "not-live", "直播未开始或已结束")));
    }

    /** 403 when the series' organiser banned the user from its rooms. */
    Mono<TrainingSession> notBanned(TrainingSession session, long userId) {
        return bans.isBanned(session.seriesId(), userId).flatMap(banned -> banned
                ? Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "banned", "你已被禁止在本系列课程中提问和发言"))
                : Mono.just(session));
    }

    /** The signed-in user's id; 401 for guests (GETs under /api/training are open to them, these are not). */
    static long user(Jwt jwt) {
        if (jwt == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        return Long.parseLong(jwt.getSubject());
    }
}
