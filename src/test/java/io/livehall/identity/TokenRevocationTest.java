package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.livehall.IntegrationTest;
import io.livehall.realtime.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * Revocation lives in PostgreSQL with Redis as a cache: losing Redis (FLUSHDB here) never revives a revoked token,
 * and every revocation is announced to all instances.
 */
class TokenRevocationTest extends IntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ReactiveJwtDecoder decoder;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    TokenRevocationEvents events;

    @Autowired
    RevocationCache cache;

    @Autowired
    RevokedTokenSweeper sweeper;

    @Test
    void aLoggedOutTokenStaysRefusedWhenRedisLosesEverything() {
        String username = uniqueName("flushed");
        String loggedOut = registerAndLogin(username, "secret-123");
        String other = login(username, "secret-123");
        logout(loggedOut);
        me(loggedOut).expectStatus().isUnauthorized();

        flushRedis();

        me(loggedOut).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("令牌已注销，请重新登录");
        me(other).expectStatus().isOk(); // read from PostgreSQL, and the cache filled again
        me(other).expectStatus().isOk();
        me(loggedOut).expectStatus().isUnauthorized();
        assertThat(redis.<String, String>opsForHash().get(RevocationCache.key(idOf(username)), "v").block()).isEqualTo("0");
    }

    @Test
    void tokensFromBeforeARoleChangeStayRefusedWhenRedisLosesEverything() {
        String username = uniqueName("demoted");
        String old = registerAndLogin(username, "secret-123");
        long id = idOf(username);
        setRoles(id, "[\"VIEWER\",\"ORGANISER\"]");
        me(old).expectStatus().isUnauthorized();

        flushRedis();

        me(old).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("账号权限已变更，请重新登录");
        String fresh = login(username, "secret-123");
        me(fresh).expectStatus().isOk().expectBody().jsonPath("$.roles[1]").isEqualTo("ORGANISER");
        me(old).expectStatus().isUnauthorized();
    }

    @Test
    void aLogoutWhileTheCacheIsColdIsNotLostWhenTheCacheIsFilled() {
        String username = uniqueName("cold");
        String token = registerAndLogin(username, "secret-123");
        flushRedis();
        logout(token); // cached on a cold hash: no version there, so the next request still reads PostgreSQL
        me(token).expectStatus().isUnauthorized();
        me(token).expectStatus().isUnauthorized();
    }

    @Test
    void aFillThatReadPostgresqlBeforeARaiseOrAFlushDoesNotLand() {
        String username = uniqueName("race");
        registerAndLogin(username, "secret-123");
        long id = idOf(username);
        RevocationStore.UserTokens stale = new RevocationStore.UserTokens(0, java.util.Map.of());

        String nonce = cache.beginFill(id).block();
        cache.versionRaised(id, 1).block(); // committed after the fill read version 0
        assertThat(cache.fill(id, nonce, stale).block()).isFalse();
        assertThat(cache.lookup(id, "x").block().version()).isNull();

        String again = cache.beginFill(id).block();
        flushRedis(); // Redis lost what was written since the fill began
        assertThat(cache.fill(id, again, stale).block()).isFalse();
        assertThat(cache.lookup(id, "x").block().version()).isNull();
    }

    @Test
    void aTokenCarryingAVersionThisDatabaseNeverIssuedIsRefused() {
        String username = uniqueName("future");
        registerAndLogin(username, "secret-123");
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("livehall").subject(Long.toString(idOf(username)))
                .id(UUID.randomUUID().toString()).issuedAt(now).expiresAt(now.plusSeconds(600))
                .claim("roles", List.of("VIEWER")).claim("ver", 3).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        me(token).expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("令牌已失效，请重新登录");
    }

    @Test
    void revocationsAreAnnouncedAsTheyHappen() {
        String username = uniqueName("announced");
        String token = registerAndLogin(username, "secret-123");
        long id = idOf(username);
        Jwt jwt = decoder.decode(token).block();

        StepVerifier.create(events.revocations().filter(e -> e.userId() == id).take(2))
                .then(() -> logout(token))
                .assertNext(e -> {
                    assertThat(e).isEqualTo(new RevokedAccess(id, jwt.getId(), 0));
                    assertThat(e.revokes(id, jwt.getId(), 0)).isTrue();
                    assertThat(e.revokes(id, "another", 0)).isFalse();
                })
                .then(() -> setRoles(id, "[\"VIEWER\",\"MERCHANT\"]"))
                .assertNext(e -> {
                    assertThat(e).isEqualTo(new RevokedAccess(id, null, 1));
                    assertThat(e.revokes(id, "any", 0)).isTrue();
                    assertThat(e.revokes(id, "any", 1)).isFalse();
                })
                .expectComplete()
                .verify(Duration.ofSeconds(15));
    }

    @Test
    void aLogoutOnAnotherInstanceIsAnnouncedHere() {
        WebTestClient onB = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + SecondInstance.port())
                .responseTimeout(Duration.ofSeconds(30)).build();
        String username = uniqueName("elsewhere");
        String token = registerAndLogin(username, "secret-123");
        long id = idOf(username);
        String jti = decoder.decode(token).block().getId();

        StepVerifier.create(events.revocations().filter(e -> e.userId() == id).next())
                .then(() -> onB.post().uri("/api/auth/logout").headers(h -> h.setBearerAuth(token))
                        .exchange().expectStatus().isNoContent())
                .expectNext(new RevokedAccess(id, jti, 0))
                .expectComplete()
                .verify(Duration.ofSeconds(15));
        me(token).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenThatPassedTheCheckSkipsRedisUntilARevocationEndsItAtOnce() {
        String username = uniqueName("remembered");
        String token = registerAndLogin(username, "secret-123");
        long id = idOf(username);
        me(token).expectStatus().isOk();
        String jti = decoder.decode(token).block().getId();

        // Redis now says "logged out" without any revocation having happened here: the remembered check does not ask it
        redis.<String, String>opsForHash().put(RevocationCache.key(id), "r:" + jti,
                Long.toString(Instant.now().plusSeconds(600).toEpochMilli())).block();
        me(token).expectStatus().isOk();

        String other = login(username, "secret-123");
        me(other).expectStatus().isOk();
        logout(token); // a real logout forgets the remembered check before it is answered
        me(token).expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("令牌已注销，请重新登录");
        me(other).expectStatus().isOk();
    }

    @Test
    void aRoleChangeOnAnotherInstanceEndsTokensThisInstanceRemembered() {
        WebTestClient onB = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + SecondInstance.port())
                .responseTimeout(Duration.ofSeconds(30)).build();
        String username = uniqueName("promoted-elsewhere");
        String token = registerAndLogin(username, "secret-123");
        long id = idOf(username);
        me(token).expectStatus().isOk();
        me(token).expectStatus().isOk();
        String admin = admin();

        StepVerifier.create(events.revocations().filter(e -> e.userId() == id).next())
                .then(() -> onB.put().uri("/api/admin/users/{id}/roles", id).headers(h -> h.setBearerAuth(admin))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"VIEWER\",\"ORGANISER\"]}")
                        .exchange().expectStatus().isOk())
                .expectNext(new RevokedAccess(id, null, 1))
                .expectComplete()
                .verify(Duration.ofSeconds(15));
        me(token).expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("账号权限已变更，请重新登录");
    }

    @Test
    void theSweeperDeletesLogoutsOnlyOnceTheyExpired() {
        String username = uniqueName("swept");
        registerAndLogin(username, "secret-123");
        long id = idOf(username);
        String expired = "expired-" + UUID.randomUUID();
        String live = "live-" + UUID.randomUUID();
        insertRevoked(expired, id, Instant.now().minusSeconds(60));
        insertRevoked(live, id, Instant.now().plusSeconds(3600));

        StepVerifier.create(sweeper.runOnce()).assertNext(deleted -> assertThat(deleted).isPositive()).verifyComplete();

        assertThat(revokedIds(id)).containsExactly(live);
    }

    private void insertRevoked(String jti, long userId, Instant expiresAt) {
        db.sql("insert into revoked_token (jti, user_id, expires_at) values (:jti, :user, :at)")
                .bind("jti", jti).bind("user", userId).bind("at", expiresAt).fetch().rowsUpdated().block();
    }

    private List<String> revokedIds(long userId) {
        return db.sql("select jti from revoked_token where user_id = :id").bind("id", userId)
                .map(row -> row.get("jti", String.class)).all().collectList().block();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private void logout(String token) {
        http.post().uri("/api/auth/logout").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNoContent();
    }

    private void setRoles(long id, String roles) {
        http.put().uri("/api/admin/users/{id}/roles", id).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":" + roles + "}")
                .exchange().expectStatus().isOk();
    }

    private String admin() {
        String admin = uniqueName("admin");
        registerAndLogin(admin, "secret-123");
        grantRoles(admin, "VIEWER", "ADMIN");
        return login(admin, "secret-123");
    }

    private void flushRedis() {
        redis.execute(connection -> connection.serverCommands().flushDb()).blockLast();
    }

    private long idOf(String username) {
        return db.sql("select id from app_user where username = :u").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
