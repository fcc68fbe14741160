package io.livehall.training;

import java.util.Map;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Learners and organisers for the training tests (rooms, courses): registered, given roles and logged in through
 * the API, with their user ids; requests made with their tokens. The clock is back to real time after each test.
 */
public abstract class TrainingTestSupport extends IntegrationTest {

    /** A user's id and access token. */
    public record Account(long id, String token) {
    }

    @AfterEach
    void clockBackToRealTime() {
        clock.reset();
    }

    /** A new user with {@code roles} (none: a viewer). */
    protected Account account(String prefix, String... roles) {
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

    protected Account organiser(String prefix) {
        return account(prefix, "VIEWER", "ORGANISER");
    }

    /** A request to this application; {@code token} and {@code body} may be null. */
    protected WebTestClient.ResponseSpec send(String method, String token, String uri, Object body) {
        var spec = http.method(HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return spec.exchange();
    }

    /** The {@code id} of the response's JSON body. */
    protected static long id(WebTestClient.ResponseSpec response) {
        return ((Number) response.expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }
}
