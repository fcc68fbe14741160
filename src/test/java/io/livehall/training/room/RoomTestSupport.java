package io.livehall.training.room;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Accounts, a live session and requests for the training room tests. */
abstract class RoomTestSupport extends IntegrationTest {

    record Account(long id, String token) {
    }

    Account account(String prefix, String... roles) {
        String name = uniqueName(prefix);
        registerAndLogin(name, "Secret-pass-123");
        if (roles.length > 0) {
            grantRoles(name, roles);
        }
        String token = login(name, "Secret-pass-123");
        long id = db.sql("select id from app_user where username = :u").bind("u", name)
                .map(row -> row.get("id", Long.class)).one().block();
        return new Account(id, token);
    }

    Account organiser(String prefix) {
        return account(prefix, "VIEWER", "ORGANISER");
    }

    Account viewer(String prefix) {
        return account(prefix);
    }

    /** A session of a new series of {@code org}, SCHEDULED. */
    long scheduledSession(Account org) {
        long series = id(send("POST", org.token(), "/api/organiser/training/series",
                Map.of("title", "互动系列", "audience", "", "tags", List.of())).expectStatus().isCreated());
        return id(send("POST", org.token(), "/api/organiser/training/series/" + series + "/sessions",
                Map.of("title", "互动课", "lecturer", "王老师",
                        "startsAt", clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "durationMinutes", 90, "streamUrl", "https://cdn.example.com/train/a.m3u8",
                        "materialFileIds", List.of())).expectStatus().isCreated());
    }

    /** A LIVE session of a new series of {@code org}. */
    long liveSession(Account org) {
        long id = scheduledSession(org);
        send("POST", org.token(), "/api/organiser/training/sessions/" + id + "/start", null).expectStatus().isOk();
        return id;
    }

    void end(Account org, long sessionId) {
        send("POST", org.token(), "/api/organiser/training/sessions/" + sessionId + "/end", null).expectStatus().isOk();
    }

    WebTestClient.ResponseSpec send(String method, String token, String uri, Object body) {
        var spec = http.method(HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return spec.exchange();
    }

    static long id(WebTestClient.ResponseSpec response) {
        return ((Number) response.expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    static Instant at(Object text) {
        return Instant.parse((String) text);
    }
}
