package io.livehall.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.jwt.*}: access tokens. Every key can come from the environment ({@code LIVEHALL_JWT_KEY_FILE},
 * {@code LIVEHALL_JWT_TTL}, ...).
 *
 * @param issuer              the {@code iss} of issued tokens (checked on every token)
 * @param ttl                 how long a token is valid
 * @param keyFile             RSA private JWK that signs tokens; blank: {@code <data-dir>/secrets/jwt-signing-key.json},
 *                            generated when missing
 * @param revocationCacheTtl  how long Redis keeps a user's cached token version and revocations before they are read
 *                            again from PostgreSQL (bounds how long a lost cache write can matter; see
 *                            {@link TokenRevocations})
 * @param revocationLocalTtl  how long an instance remembers that a token passed the revocation check (no Redis round
 *                            trip meanwhile); revocations evict it at once on every instance through their announcement,
 *                            so this bounds only what a lost announcement can leave (see {@link TokenRevocations})
 */
@ConfigurationProperties("livehall.jwt")
record JwtProperties(@DefaultValue("livehall") String issuer,
                     @DefaultValue("8h") Duration ttl,
                     String keyFile,
                     @DefaultValue("15m") Duration revocationCacheTtl,
                     @DefaultValue("10s") Duration revocationLocalTtl) {
}
