package io.livehall.training.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.identity.TestTokens;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Users written straight into the database with minted tokens, and series / sessions made through the API. */
final class RegistrationFixtures {

    static final String STREAM = "https://cdn.example.com/train/a.m3u8";

    record Account(long id, String token) {
    }

    private final WebTestClient http;
    private final DatabaseClient db;
    private final ApplicationContext context;

    RegistrationFixtures(WebTestClient http, DatabaseClient db, ApplicationContext context) {
        this.http = http;
        this.db = db;
        this.context = context;
    }

    List<Account> users(String role, int n) {
        String tag = "rg-" + UUID.randomUUID().toString().substring(0, 10);
        List<Long> ids = db.sql("""
                        insert into app_user (username, password_hash, display_name, roles)
                        select :tag || '-' || i, '{noop}unused', '学员' || i, array[:role] from generate_series(1, :n) i
                        returning id""")
                .bind("tag", tag).bind("n", n).bind("role", role).map(row -> row.get(0, Long.class)).all().collectList().block();
        List<Account> accounts = new ArrayList<>();
        for (long id : ids) {
            accounts.add(new Account(id, TestTokens.mint(context, id)));
        }
        return accounts;
    }

    Account user(String role) {
        return users(role, 1).get(0);
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

    long series(Account organiser, String title) {
        return id(send("POST", organiser.token(), "/api/organiser/training/series",
                Map.of("title", title, "audience", "企业负责人", "tags", List.of())).expectStatus().isCreated());
    }

    long session(Account organiser, long seriesId, String title, Instant startsAt, List<Long> materials) {
        return id(send("POST", organiser.token(), "/api/organiser/training/series/" + seriesId + "/sessions",
                Map.of("title", title, "lecturer", "王老师", "startsAt", startsAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                        "durationMinutes", 90, "streamUrl", STREAM, "materialFileIds", materials))
                .expectStatus().isCreated());
    }

    void settings(Account organiser, long seriesId, Map<String, Object> settings) {
        send("PUT", organiser.token(), "/api/organiser/training/series/" + seriesId + "/registration-settings", settings)
                .expectStatus().isOk();
    }

    String state(long seriesId, long userId) {
        return db.sql("select state from training_registration where series_id = :s and user_id = :u")
                .bind("s", seriesId).bind("u", userId).map(row -> row.get(0, String.class)).one().block();
    }

    long count(long seriesId, String state) {
        return db.sql("select count(*) from training_registration where series_id = :s and state = :state")
                .bind("s", seriesId).bind("state", state).map(row -> row.get(0, Long.class)).one().block();
    }

    long notifications(long userId, String type) {
        return db.sql("select count(*) from user_notification where user_id = :u and type = :t")
                .bind("u", userId).bind("t", type).map(row -> row.get(0, Long.class)).one().block();
    }

    private static long id(WebTestClient.ResponseSpec spec) {
        return ((Number) spec.expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }
}
