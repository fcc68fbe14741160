package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.realtime.RawStompClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may see which dashboard, for every endpoint and the topic: organiser A (a fair and a series of their own),
 * organiser B, an admin, a merchant, a viewer and anonymous callers.
 */
class DashboardAccessTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    FairFixtures fx;
    Account a;
    Account b;
    Account admin;
    Account merchant;
    Account viewer;
    long fair;
    long series;

    @BeforeEach
    void twoOrganisers() {
        fx = new FairFixtures(db, context);
        a = fx.account("ORGANISER");
        b = fx.account("ORGANISER");
        admin = fx.account("ADMIN");
        merchant = fx.account("MERCHANT");
        viewer = fx.account("VIEWER");
        fair = fx.fair(a.id());
        series = db.sql("insert into training_series (organiser_id, title) values (:o, :t) returning id")
                .bind("o", a.id()).bind("t", "数字化转型培训-" + UUID.randomUUID().toString().substring(0, 6))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    WebTestClient.ResponseSpec get(Account who, String uri) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (who != null) {
            spec = spec.header("Authorization", "Bearer " + who.token());
        }
        return spec.exchange();
    }

    @Test
    void everyEndpointAnswersEachRoleByTheRule() {
        String[] suffixes = {"", "/history?by=hour", "/history.csv?by=day", "/report"};
        for (String suffix : suffixes) {
            for (String scope : new String[] {"fair-" + fair, "training-" + series}) {
                String uri = "/api/dashboard/" + scope + suffix;
                get(a, uri).expectStatus().isOk();
                get(admin, uri).expectStatus().isOk();
                get(b, uri).expectStatus().isNotFound();
                get(merchant, uri).expectStatus().isForbidden();
                get(viewer, uri).expectStatus().isForbidden();
                get(null, uri).expectStatus().isUnauthorized();
            }
            get(a, "/api/dashboard/showcase" + suffix).expectStatus().isOk();
            get(b, "/api/dashboard/showcase" + suffix).expectStatus().isOk();
            get(a, "/api/dashboard/platform" + suffix).expectStatus().isForbidden();
            get(admin, "/api/dashboard/platform" + suffix).expectStatus().isOk();
            get(a, "/api/dashboard/mine" + suffix).expectStatus().isOk();
            get(a, "/api/dashboard/mine-" + a.id() + suffix).expectStatus().isOk();
            get(b, "/api/dashboard/mine-" + a.id() + suffix).expectStatus().isNotFound();
            get(admin, "/api/dashboard/mine-" + a.id() + suffix).expectStatus().isOk();
            get(a, "/api/dashboard/fair-999999999999" + suffix).expectStatus().isNotFound();
            get(a, "/api/dashboard/nonsense" + suffix).expectStatus().isNotFound();
        }
        get(b, "/api/dashboard/fair-" + fair).expectHeader().contentType("application/problem+json");
    }

    @Test
    void theScopesAreTheCallersOwn() {
        get(a, "/api/dashboard/scopes").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.scope == 'fair-" + fair + "')].kind").isEqualTo("FAIR")
                .jsonPath("$[?(@.scope == 'training-" + series + "')].kind").isEqualTo("TRAINING")
                .jsonPath("$[?(@.scope == 'mine-" + a.id() + "')].title").isEqualTo("我的活动")
                .jsonPath("$[?(@.scope == 'showcase')].kind").isEqualTo("SHOWCASE")
                .jsonPath("$[?(@.scope == 'platform')]").isEmpty();
        get(b, "/api/dashboard/scopes").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.scope == 'fair-" + fair + "')]").isEmpty()
                .jsonPath("$[?(@.scope == 'training-" + series + "')]").isEmpty();
        get(admin, "/api/dashboard/scopes").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.scope == 'platform')].kind").isEqualTo("PLATFORM")
                .jsonPath("$[?(@.scope == 'mine')].kind").isEqualTo("MINE")
                .jsonPath("$[?(@.scope == 'fair-" + fair + "')].kind").isEqualTo("FAIR");
        get(merchant, "/api/dashboard/scopes").expectStatus().isForbidden();
        get(viewer, "/api/dashboard/scopes").expectStatus().isForbidden();
        get(null, "/api/dashboard/scopes").expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheScopesWatchersMaySubscribeToItsTopic() {
        String fairTopic = "/topic/dashboard/fair-" + fair + "/overview";
        for (Account allowed : new Account[] {a, admin}) {
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(allowed.token());
                client.subscribe("d", fairTopic);
                assertThat(client.expect("MESSAGE").body()).contains("\"scope\":\"fair-" + fair + "\"");
            }
        }
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(a.token());
            client.subscribe("d", "/topic/dashboard/mine-" + a.id() + "/overview");
            assertThat(client.expect("MESSAGE").body()).contains("\"scope\":\"mine-" + a.id() + "\"", "\"title\":\"我的活动\"");
        }
        refused(b.token(), fairTopic);
        refused(merchant.token(), fairTopic);
        refused(viewer.token(), fairTopic);
        refused(null, fairTopic);
        refused(a.token(), "/topic/dashboard/platform/overview");
        refused(a.token(), "/topic/dashboard/mine/overview");
        refused(b.token(), "/topic/dashboard/mine-" + a.id() + "/overview");
        refused(b.token(), "/topic/dashboard/training-" + series + "/overview");
    }

    private void refused(String token, String topic) {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(token);
            client.send("SUBSCRIBE", null, "id", "d", "destination", topic);
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Not allowed");
        }
    }
}
