package io.livehall.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Issues RS256 access tokens: subject = user id, claims {@code roles}, {@code preferred_username}, {@code name}. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, JwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token for the user as just read from the database, carrying its token version ({@link TokenRevocations}). */
    Mono<LoginResult> issue(User user) {
        return Mono.fromSupplier(() -> issue(user, user.tokenVersion()));
    }

    private LoginResult issue(User user, long version) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.ttl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(Long.toString(user.id()))
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("preferred_username", user.username())
                .claim("name", user.displayName())
                .claim("roles", user.roles().stream().sorted().map(Role::name).toList())
                .claim(TokenRevocations.VERSION_CLAIM, version)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new LoginResult(token, "Bearer", expiresAt, user.view());
    }
}
