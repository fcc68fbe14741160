package io.livehall.showcase.live;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who runs a live room rather than watches it: organisers and admins, and the accounts (role MERCHANT) of the
 * session's own merchant. They may moderate its chat, and their connections are not counted as viewers.
 */
@Component
class LiveStaff {

    private final DatabaseClient db;

    LiveStaff(DatabaseClient db) {
        this.db = db;
    }

    /** Whether the user is staff of the session (false when either does not exist). */
    Mono<Boolean> isStaff(long sessionId, long userId) {
        return db.sql("""
                        select exists (
                            select 1 from app_user u
                            where u.id = :user
                              and (u.roles && array['ORGANISER', 'ADMIN']
                                   or ('MERCHANT' = any (u.roles) and exists (
                                           select 1 from live_session s join merchant m on m.id = s.merchant_id
                                           where s.id = :session and m.enterprise_id = u.enterprise_id)))) as staff""")
                .bind("user", userId).bind("session", sessionId)
                .map(row -> Boolean.TRUE.equals(row.get("staff", Boolean.class))).one()
                .defaultIfEmpty(false);
    }
}
