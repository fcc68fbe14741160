package io.livehall.identity;

import java.time.Duration;

/**
 * {@code livehall.jwt.*}: token issuer, lifetime and the signing key file (generated when missing).
 * Read with {@code @Value} (see {@link JwtConfig}) so that {@code LIVEHALL_JWT_KEY_FILE} works as documented.
 */
record JwtProperties(String issuer, Duration ttl, String keyFile) {
}
