package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import reactor.test.StepVerifier;

/** Tokens are issued and judged by the same clock, so a test that sets the application's Clock moves both. */
class TokenClockTest {

    private static final Instant THEN = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void aTokenIssuedByAClockIsValidByThatClockAndExpiredByTheRealOne() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        JwtProperties properties = new JwtProperties("livehall", Duration.ofHours(8), null, Duration.ofMinutes(15), Duration.ofSeconds(10));
        Clock then = Clock.fixed(THEN, ZoneOffset.UTC);
        TokenIssuer issuer = new TokenIssuer(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))), properties, then);
        User user = new User(7, "zhangsan", "x", "张三", null, EnumSet.of(Role.VIEWER), null, THEN, 3);
        LoginResult login = issuer.issue(user).block();
        assertThat(login.expiresAt()).isEqualTo(THEN.plus(Duration.ofHours(8)));

        StepVerifier.create(JwtConfig.verifier(key, properties, then).decode(login.accessToken()))
                .assertNext(jwt -> {
                    assertThat(jwt.getSubject()).isEqualTo("7");
                    assertThat(TokenRevocations.version(jwt)).isEqualTo(3);
                })
                .verifyComplete();
        StepVerifier.create(JwtConfig.verifier(key, properties, Clock.systemUTC()).decode(login.accessToken()))
                .expectError(JwtValidationException.class)
                .verify();
    }
}
