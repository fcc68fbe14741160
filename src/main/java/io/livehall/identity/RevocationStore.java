package io.livehall.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The truth about revoked tokens, in PostgreSQL: each user's token version ({@code app_user.token_version}) and the
 * ids of logged-out tokens until they would have expired ({@code revoked_token}). Redis only caches it
 * ({@link RevocationCache}).
 */
@Repository
class RevocationStore {

    /** A user's token version and the logged-out tokens not yet expired (id → when it expires). */
    record UserTokens(long version, Map<String, Instant> revoked) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DatabaseClient db;

    RevocationStore(DatabaseClient db) {
        this.db = db;
    }

    /** Records a logged-out token (again: a no-op). */
    Mono<Void> revoke(String jti, long userId, Instant expiresAt) {
        return db.sql("""
                        insert into revoked_token (jti, user_id, expires_at) values (:jti, :user, :expires)
                        on conflict (jti) do nothing""")
                .bind("jti", jti).bind("user", userId).bind("expires", expiresAt)
                .fetch().rowsUpdated().timeout(TIMEOUT).then();
    }

    /**
     * Raises the user's token version by one (in the caller's transaction, if any) and answers the new version;
     * empty if the user does not exist.
     */
    Mono<Long> raiseVersion(long userId) {
        return db.sql("update app_user set token_version = token_version + 1, updated_at = now() where id = :id "
                        + "returning token_version")
                .bind("id", userId).map(row -> row.get("token_version", Long.class)).one().timeout(TIMEOUT);
    }

    /** The user's version and the revocations still in force at {@code since}; empty if the user does not exist. */
    Mono<UserTokens> load(long userId, Instant since) {
        return db.sql("""
                        select u.token_version,
                               array(select r.jti from revoked_token r
                                     where r.user_id = u.id and r.expires_at > :since order by r.jti) as jtis,
                               array(select cast(extract(epoch from r.expires_at) * 1000 as bigint) from revoked_token r
                                     where r.user_id = u.id and r.expires_at > :since order by r.jti) as expiries
                        from app_user u where u.id = :id""")
                .bind("id", userId).bind("since", since)
                .map(row -> {
                    String[] jtis = row.get("jtis", String[].class);
                    Long[] expiries = row.get("expiries", Long[].class);
                    Map<String, Instant> revoked = new LinkedHashMap<>();
                    for (int i = 0; jtis != null && i < jtis.length; i++) {
                        revoked.put(jtis[i], Instant.ofEpochMilli(expiries[i]));
                    }
                    return new UserTokens(row.get("token_version", Long.class), revoked);
                })
                .one().timeout(TIMEOUT);
    }

    /** Deletes up to {@code limit} revocations that expired before {@code before}; answers how many. */
    Mono<Long> deleteExpired(Instant before, int limit) {
        return db.sql("""
                        delete from revoked_token where jti in
                            (select jti from revoked_token where expires_at < :before limit :limit)""")
                .bind("before", before).bind("limit", limit)
                .fetch().rowsUpdated().timeout(TIMEOUT.multipliedBy(6));
    }
}
