package io.livehall.identity;

import org.springframework.security.oauth2.jwt.BadJwtException;

/** A well-signed, unexpired token that was revoked (logout, role change); its message is shown to the user. */
public class RevokedTokenException extends BadJwtException {

    RevokedTokenException(String message) {
        super(message);
    }
}
