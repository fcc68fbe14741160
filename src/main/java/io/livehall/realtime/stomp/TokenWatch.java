package io.livehall.realtime.stomp;

import java.time.Duration;

import io.livehall.identity.RevokedAccess;

/**
 * The access token a connection was opened with (none for guests) and when it is checked again: a connection must not
 * outlive its token's expiry or revocation.
 */
final class TokenWatch {

    private volatile TokenDetails token;
    private volatile long nextCheck;

    /** After CONNECT; the first check is spread over the interval, so connections opened together are not checked together. */
    void start(TokenDetails t, long now, Duration recheck) {
        token = t;
        nextCheck = now + (long) (recheck.toMillis() * (0.5 + Math.random()));
    }

    boolean expired(long now) {
        TokenDetails t = token;
        return t != null && t.expiresAtMillis() <= now;
    }

    /** The token when it is due to be checked again now (then the next check is scheduled), else null. */
    TokenDetails dueForRecheck(long now, Duration recheck) {
        TokenDetails t = token;
        if (t == null || now < nextCheck) {
            return null;
        }
        nextCheck = now + recheck.toMillis();
        return t;
    }

    boolean revokedBy(RevokedAccess revocation) {
        TokenDetails t = token;
        return t != null && t.revokedBy(revocation);
    }
}
