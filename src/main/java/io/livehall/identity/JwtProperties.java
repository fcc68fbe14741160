package io.livehall.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code livehall.jwt.*}: token issuer, lifetime and the signing key file (generated when missing). */
@ConfigurationProperties("livehall.jwt")
record JwtProperties(String issuer, Duration ttl, String keyFile) {

    JwtProperties {
        issuer = issuer == null ? "livehall" : issuer;
        ttl = ttl == null ? Duration.ofHours(8) : ttl;
    }
}
