package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Failed logins are counted per (username, address), with a slower ceiling per username and a limit per address, so an
 * attacker cannot lock the owner out from elsewhere with a handful of guesses. The tests play clients at other
 * addresses through X-Forwarded-For, which the test context believes from the loopback "proxy"
 * ({@code livehall.http.trusted-proxies}); max-failures is 5 in tests, the username ceiling the default 50.
 */
class LoginLockoutTest extends IntegrationTest {

    @Test
    void anAttackerWhoExhaustsTheLimitFromOneAddressDoesNotLockTheOwnerOutElsewhere() {
        String owner = uniqueName("owner");
        registerAndLogin(owner, "secret-123");
        for (int left = 4; left >= 1; left--) {
            attempt(owner, "wrong-pass-1", "203.0.113.7")
                    .expectStatus().isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://livehall.io/problems/bad-credentials")
                    .jsonPath("$.remainingAttempts").isEqualTo(left)
                    .jsonPath("$.detail").isEqualTo("用户名或密码错误，还可尝试 " + left + " 次");
        }
        attempt(owner, "wrong-pass-1", "203.0.113.7")
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.remainingAttempts").isEqualTo(0)
                .jsonPath("$.detail").isEqualTo("用户名或密码错误，尝试次数已用完，请 5 分钟后再试");
        attempt(owner, "secret-123", "203.0.113.7")
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 300L))
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/too-many-login-attempts");

        attempt(owner, "secret-123", "198.51.100.20").expectStatus().isOk();
    }

    @Test
    void rotatingTheForwardedHeaderLeftOfTheProxyGivesNoFreshCounters() {
        String owner = uniqueName("rotate");
        registerAndLogin(owner, "secret-123");
        for (int i = 0; i < 5; i++) {
            // the client made up the left entry; the proxy appended the address it saw
            attempt(owner, "wrong-pass-1", "10.9.8." + i + ", 203.0.113.8").expectStatus().isUnauthorized();
        }
        attempt(owner, "wrong-pass-1", "10.9.9.9, 203.0.113.8").expectStatus().isEqualTo(429);
    }

    @Test
    void aCeilingPerUsernameStopsGuessingFromManyAddressesUntilAnAdminUnlocks() {
        String owner = uniqueName("ceiling");
        registerAndLogin(owner, "secret-123");
        for (int address = 1; address <= 10; address++) {
            for (int i = 0; i < 5; i++) {
                attempt(owner, "wrong-pass-1", "192.0.2." + address).expectStatus().isUnauthorized();
            }
        }
        attempt(owner, "secret-123", "198.51.100.30")
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 900L));

        String admin = admin();
        http.post().uri("/api/admin/users/{id}/unlock", idOf(owner)).headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.wasLocked").isEqualTo(true)
                .jsonPath("$.failuresCleared").isEqualTo(50);

        attempt(owner, "secret-123", "198.51.100.30").expectStatus().isOk();
        attempt(owner, "secret-123", "192.0.2.1").expectStatus().isOk(); // every address's counter went too
    }

    @Test
    void anAdminUnlocksOneAddressesLockoutToo() {
        String owner = uniqueName("unlock");
        registerAndLogin(owner, "secret-123");
        for (int i = 0; i < 5; i++) {
            attempt(owner, "wrong-pass-1", "203.0.113.9").expectStatus().isUnauthorized();
        }
        attempt(owner, "secret-123", "203.0.113.9").expectStatus().isEqualTo(429);
        http.post().uri("/api/admin/users/{id}/unlock", idOf(owner)).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.wasLocked").isEqualTo(true).jsonPath("$.failuresCleared").isEqualTo(5);
        attempt(owner, "secret-123", "203.0.113.9").expectStatus().isOk();
    }

    @Test
    void onlyAdminsUnlock() {
        String viewer = registerAndLogin(uniqueName("nosy"), "secret-123");
        http.post().uri("/api/admin/users/{id}/unlock", 1).headers(h -> h.setBearerAuth(viewer))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/admin/users/{id}/unlock", Long.MAX_VALUE).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void oddUsernamesAreCountedWithoutBreakingTheKeys() {
        for (String odd : new String[]{"{" + uniqueName("x") + "}", uniqueName("a") + " b", "用户" + uniqueName("")}) {
            attempt(odd, "wrong-pass-1", "203.0.113.10")
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.remainingAttempts").isEqualTo(4);
        }
    }

    private WebTestClient.ResponseSpec attempt(String username, String password, String forwardedFor) {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", forwardedFor)
                .bodyValue("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password))
                .exchange();
    }

    private String admin() {
        String admin = uniqueName("admin");
        registerAndLogin(admin, "secret-123");
        grantRoles(admin, "VIEWER", "ADMIN");
        return login(admin, "secret-123");
    }

    private long idOf(String username) {
        return db.sql("select id from app_user where username = :u").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
