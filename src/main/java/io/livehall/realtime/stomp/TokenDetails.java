package io.livehall.realtime.stomp;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a connection keeps of the access token it was opened with: whose it is, its id, the token version it
 * carries ({@code ver}) and when it expires; enough to end the connection when the token expires or is revoked.
 */
record TokenDetails(String subject, String jti, long version, long expiresAtMillis) {

    static TokenDetails of(Jwt jwt) {
        Object ver = jwt.getClaims().get("ver");
        return new TokenDetails(jwt.getSubject(), jwt.getId(), ver instanceof Number n ? n.longValue() : 0,
                jwt.getExpiresAt() == null ? Long.MAX_VALUE : jwt.getExpiresAt().toEpochMilli());
    }

    /** Revoked by a logout of this very token ({@code jti}), or by a version bump past the one it carries. */
    boolean revokedBy(String revokedJti, long revokedUpTo) {
        if (revokedJti != null) {
            return revokedJti.equals(jti);
        }
        return version < revokedUpTo;
    }
}
