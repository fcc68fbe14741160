package io.livehall;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the tests that run the whole application on a random port against real PostgreSQL and Redis:
 * the machine's servers when SPRING_R2DBC_URL / SPRING_DATA_REDIS_URL (or LIVEHALL_*) are set, the
 * embedded ones otherwise. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"livehall.login.max-failures=5", "livehall.realtime.heartbeat=1s",
                "livehall.realtime.ping-interval=2s", "livehall.realtime.connect-timeout=3s",
                // tests play clients at other addresses through X-Forwarded-For from the loopback "proxy"
                "livehall.http.trusted-proxies=127.0.0.1,::1",
                "livehall.metrics.token=" + IntegrationTest.METRICS_TOKEN})
@org.springframework.context.annotation.Import(TestClock.Config.class)
@AutoConfigureWebTestClient(timeout = "30s") // 5 s by default: too short for password hashing on a busy 2-core machine
public abstract class IntegrationTest {

    /** the scraper's token for /actuator/prometheus in tests */
    protected static final String METRICS_TOKEN = "test-metrics-token-0123456789";

    @Autowired
    protected WebTestClient http;

    /** The application's clock: move it to test a time rule without waiting (and {@code reset()} it after). */
    @Autowired
    protected TestClock clock;

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient db;

    /** A username no other test (or earlier run against the same database) has used. */
    protected static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Registers a viewer and returns its access token. */
    protected String registerAndLogin(String username, String password) {
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"%s\",\"displayName\":\"测试用户\"}".formatted(username, password))
                .exchange().expectStatus().isCreated();
        return login(username, password);
    }

    protected String login(String username, String password) {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password))
                .exchange().expectStatus().isOk()
                .expectBody(LoginBody.class).returnResult().getResponseBody().accessToken();
    }

    /** A signed guest id, as the web client gets it once ({@code POST /api/auth/guest}); CONNECT sends it in {@code x-guest}. */
    protected String guestPass() {
        return http.post().uri("/api/auth/guest").exchange().expectStatus().isOk()
                .expectBody(GuestPassBody.class).returnResult().getResponseBody().pass();
    }

    protected record GuestPassBody(String guestId, String pass) {
    }

    /** Gives a user roles directly in the database (how a test gets an admin without demo data). */
    protected void grantRoles(String username, String... roles) {
        db.sql("update app_user set roles = :roles where lower(username) = lower(:u)")
                .bind("roles", roles).bind("u", username)
                .fetch().rowsUpdated().block();
    }

    protected record LoginBody(String accessToken) {
    }
}
