package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class LoginApiTest extends IntegrationTest {

    @Autowired
    JwtEncoder encoder;

    @Test
    void logsInAndShowsTheCurrentUser() {
        String username = uniqueName("login");
        String token = registerAndLogin(username, "secret-123");
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.roles[0]").isEqualTo("VIEWER");
    }

    @Test
    void loginResultCarriesTokenTypeExpiryAndUser() {
        String username = uniqueName("result");
        registerAndLogin(username, "secret-123");
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"secret-123\"}".formatted(username.toUpperCase()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.tokenType").isEqualTo("Bearer")
                .jsonPath("$.expiresAt").value(at -> assertThat(Instant.parse((String) at)).isAfter(Instant.now()))
                .jsonPath("$.user.username").isEqualTo(username);
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        String username = uniqueName("wrong");
        registerAndLogin(username, "secret-123");
        for (String who : List.of(username, uniqueName("nobody"))) { // 5 attempts per username and address in tests
            http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"%s\",\"password\":\"not-it-123\"}".formatted(who))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://livehall.io/problems/bad-credentials")
                    .jsonPath("$.detail").isEqualTo("用户名或密码错误，还可尝试 4 次")
                    .jsonPath("$.remainingAttempts").isEqualTo(4);
        }
    }

    @Test
    void rateLimitsRepeatedFailuresEvenForTheRightPassword() {
        String username = uniqueName("limited");
        registerAndLogin(username, "secret-123");
        for (int i = 0; i < 5; i++) {
            http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"%s\",\"password\":\"guess-%d-xx\"}".formatted(username, i))
                    .exchange().expectStatus().isUnauthorized();
        }
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"secret-123\"}".formatted(username))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 300L))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/too-many-login-attempts");
    }

    @Test
    void needsATokenForMe() {
        http.get().uri("/api/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void refusesATamperedToken() {
        String token = registerAndLogin(uniqueName("tamper"), "secret-123");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(tampered))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
        JwtEncoder forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreign)));
        String token = encode(forger, Instant.now(), Instant.now().plusSeconds(600));
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnExpiredToken() {
        String token = encode(encoder, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
    }

    /**
     * Issue 11 A4: bcrypt compares only the first 72 bytes, so the password plus anything logged in before; a password
     * over 72 bytes (30 Chinese characters) is a wrong password: 401, never 500, never a match of its prefix.
     */
    @Test
    void refusesAPasswordLongerThanBcryptReadsEvenWhenItsFirst72BytesMatch() {
        String username = uniqueName("long");
        String password = "p".repeat(72);
        registerAndLogin(username, password);
        for (String tooLong : List.of(password + "extra", password + "陕", "陕".repeat(30), "😀".repeat(19))) {
            http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(java.util.Map.of("username", username, "password", tooLong))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/bad-credentials");
        }
        login(username, password);
    }

    @Test
    void logoutRevokesTheTokenAtOnce() {
        String token = registerAndLogin(uniqueName("logout"), "secret-123");
        http.post().uri("/api/auth/logout").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNoContent();
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("令牌已注销，请重新登录");
    }

    private static String encode(JwtEncoder encoder, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("livehall").subject("1").id("t-" + issuedAt)
                .issuedAt(issuedAt).expiresAt(expiresAt).claim("roles", List.of("ADMIN")).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
