package io.livehall.identity;

import org.springframework.context.ApplicationContext;

/**
 * Mints access tokens for users written straight into the database, with the application's own
 * {@link TokenIssuer} (tests that need hundreds of logged-in users without hashing hundreds of passwords).
 */
public final class TestTokens {

    private TestTokens() {
    }

    /**
     * A token of the user that expires in {@code ttl} (seconds precision), signed by the application's key, with
     * the roles given and the user's current token version.
     */
    public static String mintExpiring(ApplicationContext context, long userId, java.time.Duration ttl, String... roles) {
        var encoder = context.getBean(org.springframework.security.oauth2.jwt.JwtEncoder.class);
        java.time.Instant now = java.time.Instant.now();
        var claims = org.springframework.security.oauth2.jwt.JwtClaimsSet.builder()
                .issuer(context.getEnvironment().getProperty("livehall.jwt.issuer", "livehall"))
                .subject(Long.toString(userId))
                .id(java.util.UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("name", "短时用户")
                .claim("roles", java.util.List.of(roles))
                .claim("ver", context.getBean(org.springframework.r2dbc.core.DatabaseClient.class)
                        .sql("select token_version from app_user where id = :id").bind("id", userId)
                        .map(row -> row.get(0, Long.class)).one().block())
                .build();
        var header = org.springframework.security.oauth2.jwt.JwsHeader.with(
                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).build();
        return encoder.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(header, claims))
                .getTokenValue();
    }

    public static String mint(ApplicationContext context, long userId) {
        UserRepository users = context.getBean(UserRepository.class);
        TokenIssuer issuer = context.getBean(TokenIssuer.class);
        return users.findById(userId).flatMap(issuer::issue).map(LoginResult::accessToken).block();
    }
}
