package io.livehall.showcase.live;

import io.livehall.common.error.ApiProblem;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The live-session feature's public face for orders and flash deals. */
@Service
public class LiveSessions {

    private final DatabaseClient db;

    LiveSessions(DatabaseClient db) {
        this.db = db;
    }

    /** The session; a 404 problem if there is none. */
    public Mono<LiveSessionRef> find(long sessionId) {
        return db.sql("select id, merchant_id, title, status from live_session where id = :id")
                .bind("id", sessionId)
                .map(row -> new LiveSessionRef(row.get("id", Long.class), row.get("merchant_id", Long.class),
                        row.get("title", String.class), row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")));
    }
}
