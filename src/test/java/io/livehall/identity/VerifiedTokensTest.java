package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

    private final List<String> verifications = new CopyOnWriteArrayList<>();

    /** A verifier that accepts tokens named "good-…" valid for the seconds after the colon, e.g. good-a:3600. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.add(token);
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        long seconds = Long.parseLong(token.substring(token.lastIndexOf(':') + 1));
        Instant now = Instant.now();
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("7")
                .issuedAt(now.minusSeconds(10)).expiresAt(now.plusSeconds(seconds)).build());
    };

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100);

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(tokens.decode("good-a:3600"))
                    .assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("7")).verifyComplete();
        }

        assertThat(verifications).containsExactly("good-a:3600");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndOtherBytesAreNeverTakenForAKnownToken() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100);
        StepVerifier.create(tokens.decode("good-b:-5")).expectNextCount(1).verifyComplete();
        StepVerifier.create(tokens.decode("good-b:-5")).expectNextCount(1).verifyComplete();
        StepVerifier.create(tokens.decode("good-c:3600")).expectNextCount(1).verifyComplete();
        StepVerifier.create(tokens.decode("forged-c:3600")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("forged-c:3600")).expectError(BadJwtException.class).verify();

        assertThat(verifications).containsExactly("good-b:-5", "good-b:-5", "good-c:3600", "forged-c:3600",
                "forged-c:3600");
    }

    @Test
    void itKeepsNoMoreThanItsBound() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 50);

        for (int i = 0; i < 175; i++) {
            StepVerifier.create(tokens.decode("good-" + i + ":3600")).expectNextCount(1).verifyComplete();
            assertThat(tokens.size()).isLessThanOrEqualTo(50);
        }

        assertThat(tokens.size()).isPositive();
    }
}
