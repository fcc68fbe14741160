package io.livehall.showcase.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** "Remind me": who may, toggling, and one notification per reminded user however the go-live races. */
class LiveRemindersTest extends LiveTestSupport {

    @Autowired
    LiveSessionRepository sessions;

    @Test
    void guestsSeeTheScheduleButOnlyAccountsAskForAReminder() {
        Shop shop = shop("remind");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        String reminder = "/api/live-sessions/" + id + "/reminder";
        get(null, "/api/live-sessions").expectStatus().isOk();
        post(null, reminder, null).expectStatus().isUnauthorized();

        String alice = fixtures().viewer("alice").token();
        String bob = fixtures().viewer("bob").token();
        post(alice, reminder, null).expectStatus().isOk().expectBody()
                .jsonPath("$.reminded").isEqualTo(true).jsonPath("$.reminderCount").isEqualTo(1);
        post(alice, reminder, null).expectStatus().isOk().expectBody().jsonPath("$.reminderCount").isEqualTo(1);
        post(bob, reminder, null).expectStatus().isOk().expectBody().jsonPath("$.reminderCount").isEqualTo(2);
        get(alice, "/api/live-sessions/" + id).expectBody()
                .jsonPath("$.reminded").isEqualTo(true).jsonPath("$.reminderCount").isEqualTo(2);
        get(null, "/api/live-sessions/" + id).expectBody().jsonPath("$.reminded").isEqualTo(false);

        call(org.springframework.http.HttpMethod.DELETE, bob, reminder, null).expectStatus().isOk().expectBody()
                .jsonPath("$.reminded").isEqualTo(false).jsonPath("$.reminderCount").isEqualTo(1);
        post(alice, "/api/live-sessions/999999999/reminder", null).expectStatus().isNotFound();

        start(shop.merchant(), id);
        post(bob, reminder, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/not-scheduled");
    }

    @Test
    void everyRemindedUserIsNotifiedExactlyOnceWhenTwoGoLiveCallsRace() throws Exception {
        Shop shop = shop("race");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        List<ShowcaseFixtures.Account> fans = List.of(fixtures().viewer("fan1"), fixtures().viewer("fan2"));
        ShowcaseFixtures.Account bystander = fixtures().viewer("bystander");
        for (ShowcaseFixtures.Account fan : fans) {
            post(fan.token(), "/api/live-sessions/" + id + "/reminder", null).expectStatus().isOk();
        }
        List<RawStompClient> clients = new ArrayList<>();
        try {
            for (ShowcaseFixtures.Account a : List.of(fans.get(0), fans.get(1), bystander)) {
                RawStompClient c = RawStompClient.open(port);
                clients.add(c);
                c.connect(a.token());
                c.subscribe("n", "/user/queue/notifications");
            }

            WebClient client = WebClient.create("http://127.0.0.1:" + port);
            Mono<Integer> goLive = client.post().uri("/api/merchant/live-sessions/{id}/start", id)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + shop.merchant().user().token())
                    .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()));
            List<Integer> statuses = Flux.merge(goLive.subscribeOn(Schedulers.parallel()), goLive.subscribeOn(Schedulers.parallel()))
                    .collectList().block(Duration.ofSeconds(20));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);

            for (int i = 0; i < 2; i++) {
                Frame n = clients.get(i).expect("MESSAGE");
                assertThat(n.header("destination")).isEqualTo("/user/queue/notifications");
                assertThat(n.body()).contains("\"type\":\"live-started\"").contains("\"link\":\"/live/" + id + "\"")
                        .contains("新茶品鉴会");
            }
            for (RawStompClient c : clients) {
                assertThat(c.poll(Duration.ofMillis(500))).as("no second notification").isNull();
            }
            long unnotified = db.sql("select count(*) as n from live_reminder where session_id = :id and notified_at is null")
                    .bind("id", id).map(row -> row.get("n", Long.class)).one().block();
            assertThat(unnotified).isZero();
            for (ShowcaseFixtures.Account fan : fans) { // listed in the bell too, once
                get(fan.token(), "/api/notifications").expectStatus().isOk().expectBody()
                        .jsonPath("$.items.length()").isEqualTo(1)
                        .jsonPath("$.items[0].type").isEqualTo("live-started")
                        .jsonPath("$.items[0].link").isEqualTo("/live/" + id)
                        .jsonPath("$.items[0].readAt").doesNotExist();
            }
            get(bystander.token(), "/api/notifications").expectBody().jsonPath("$.items.length()").isEqualTo(0);
        } finally {
            clients.forEach(RawStompClient::close);
        }
    }

    @Test
    void concurrentClaimsFromSeveralInstancesShareTheRemindersWithoutOverlap() {
        Shop shop = shop("claims");
        long id = fixtures().session(shop.merchant().id(), "LIVE");
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(fixtures().viewer("many" + i).id());
        }
        db.sql("insert into live_reminder (session_id, user_id) select :id, unnest(cast(:users as bigint[]))")
                .bind("id", id).bind("users", users.toArray(Long[]::new)).fetch().rowsUpdated().block();

        // what each instance's go-live handling runs, all at once
        List<Long> claimed = Flux.range(0, 6)
                .flatMap(i -> sessions.claimReminders(id).subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(20));
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(users);
        assertThat(sessions.claimReminders(id).collectList().block()).isEmpty();
    }
}
