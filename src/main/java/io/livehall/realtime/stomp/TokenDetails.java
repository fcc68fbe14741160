package io.livehall.realtime.stomp;

import io.livehall.identity.RevokedAccess;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a connection keeps of the access token it was opened with: the token itself (to check it again now and then),
 * whose it is, its id, the token version it carries ({@code ver}) and when it expires; enough to end the connection
 * when the token expires or is revoked.
 */
record TokenDetails(String value, long userId, String jti, long version, long expiresAtMillis) {

    static TokenDetails of(Jwt jwt) {
        Object ver = jwt.getClaims().get(RevokedAccess.VERSION_CLAIM);
        return new TokenDetails(jwt.getTokenValue(), Long.parseLong(jwt.getSubject()), jwt.getId(),
                ver instanceof Number n ? n.longValue() : 0,
                jwt.getExpiresAt() == null ? Long.MAX_VALUE : jwt.getExpiresAt().toEpochMilli());
    }

    boolean revokedBy(RevokedAccess revocation) {
        return revocation.revokes(userId, jti, version);
    }
}
