package io.livehall.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.common.notification.Notification;
import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.ShowcaseFixtures;
import io.livehall.showcase.ShowcaseFixtures.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The notification centre: a notification is stored in the transaction that sends it (and not at all if it rolls
 * back), pushed with its stored id, listed newest first with keyset paging only to its owner, marked read one by one
 * or all at once, and bounded per user and by age.
 */
class NotificationCentreTest extends IntegrationTest {

    @Autowired
    NotificationCentre centre;

    @Autowired
    TransactionalOperator tx;

    @Autowired
    NotificationRetention retention;

    @Autowired
    NotificationSettings settings;

    private Account user(String prefix) {
        return new ShowcaseFixtures(http, db).enterpriseUser(prefix);
    }

    private void send(Account to, String title, String link) {
        tx.transactional(centre.notify(to.id(), Notification.of("order", title, "详情", link, clock)))
                .block(Duration.ofSeconds(10));
    }

    private Map<?, ?> list(Account a, String query) {
        return http.get().uri("/api/notifications" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + a.token())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private long unread(Account a) {
        return ((Number) http.get().uri("/api/notifications/unread-count")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + a.token())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("unread")).longValue();
    }

    @Test
    void aNotificationIsStoredWhenSentAndPushedWithItsId() {
        Account alice = user("n-push");
        try (RawStompClient c = RawStompClient.open(port)) {
            c.connect(alice.token());
            c.subscribe("n", "/user/queue/notifications");
            send(alice, "商家已发货", "/orders/7");
            RawStompClient.Frame m = c.expect("MESSAGE");
            List<?> items = (List<?>) list(alice, "").get("items");
            assertThat(items).hasSize(1);
            @SuppressWarnings("unchecked") Map<String, Object> stored = (Map<String, Object>) items.get(0);
            assertThat(stored).containsEntry("type", "order").containsEntry("title", "商家已发货")
                    .containsEntry("body", "详情").containsEntry("link", "/orders/7").containsEntry("readAt", null);
            assertThat(m.body()).contains("\"id\":" + stored.get("id")).contains("\"eventId\":")
                    .contains("\"title\":\"商家已发货\"");
        }
        assertThat(unread(alice)).isEqualTo(1);
    }

    @Test
    void nothingIsStoredOrSentWhenTheTransactionRollsBack() {
        Account bob = user("n-rollback");
        Mono<Void> failing = centre.notify(bob.id(), Notification.of("order", "不该出现", null, "/orders", clock))
                .then(Mono.error(new IllegalStateException("the change failed")));
        try {
            tx.transactional(failing).block(Duration.ofSeconds(10));
        } catch (IllegalStateException expected) {
            // the change's transaction rolled back
        }
        assertThat((List<?>) list(bob, "").get("items")).isEmpty();
        long queued = db.sql("select count(*) as n from outbox_event where payload::text like :t")
                .bind("t", "%\"userId\":\"" + bob.id() + "\"%").map(r -> r.get("n", Long.class)).one().block();
        assertThat(queued).isZero();
    }

    @Test
    void onlyTheOwnerListsAndMarksHerNotifications() {
        Account alice = user("n-owner");
        Account mallory = user("n-other");
        send(alice, "入驻申请已通过", "/merchant");
        long id = ((Number) ((Map<?, ?>) ((List<?>) list(alice, "").get("items")).get(0)).get("id")).longValue();

        assertThat((List<?>) list(mallory, "").get("items")).isEmpty();
        http.post().uri("/api/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + mallory.token())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("通知不存在");
        http.post().uri("/api/notifications/read-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + mallory.token())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.unread").isEqualTo(0);
        assertThat(unread(alice)).as("another user's read-all leaves hers unread").isEqualTo(1);
        http.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/notifications/{id}/read", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theListIsKeysetPagedNewestFirst() {
        Account carol = user("n-paging");
        for (int i = 1; i <= 25; i++) {
            send(carol, "通知 " + i, "/orders/" + i);
        }
        Map<?, ?> first = list(carol, "?limit=10");
        Map<?, ?> second = list(carol, "?limit=10&after=" + first.get("next"));
        Map<?, ?> third = list(carol, "?limit=10&after=" + second.get("next"));
        assertThat(titles(first)).containsExactly("通知 25", "通知 24", "通知 23", "通知 22", "通知 21", "通知 20",
                "通知 19", "通知 18", "通知 17", "通知 16");
        assertThat(titles(second)).first().isEqualTo("通知 15");
        assertThat(titles(third)).containsExactly("通知 5", "通知 4", "通知 3", "通知 2", "通知 1");
        assertThat(third.get("next")).isNull();
        http.get().uri("/api/notifications?after=abc").header(HttpHeaders.AUTHORIZATION, "Bearer " + carol.token())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("分页游标无效");
    }

    @Test
    void oneOrAllAreMarkedRead() {
        Account dave = user("n-read");
        send(dave, "一", "/orders/1");
        send(dave, "二", "/orders/2");
        send(dave, "三", "/orders/3");
        assertThat(unread(dave)).isEqualTo(3);
        long id = ((Number) ((Map<?, ?>) ((List<?>) list(dave, "").get("items")).get(2)).get("id")).longValue();
        String readAt = http.post().uri("/api/notifications/{id}/read", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + dave.token())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("readAt").toString();
        assertThat(unread(dave)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));
        try {
            http.post().uri("/api/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + dave.token())
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.readAt").isEqualTo(readAt);
        } finally {
            clock.reset();
        }
        http.post().uri("/api/notifications/read-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + dave.token())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.unread").isEqualTo(0);
        assertThat(unread(dave)).isZero();
    }

    @Test
    void aUserKeepsTheNewestPerUserNotificationsAndNoneOlderThanTheRetention() {
        Account erin = user("n-bound");
        int keep = settings.perUser();
        db.sql("""
                        insert into user_notification (user_id, type, title, payload, created_at)
                        select :u, 'order', '旧通知 ' || g, '{}'::jsonb, now() - interval '1 day' from generate_series(1, :n) g""")
                .bind("u", erin.id()).bind("n", keep + 3).fetch().rowsUpdated().block();
        send(erin, "最新的通知", "/orders/1");
        List<String> kept = db.sql("select title from user_notification where user_id = :u order by id desc")
                .bind("u", erin.id()).map(r -> r.get("title", String.class)).all().collectList().block();
        assertThat(kept).hasSize(keep).first().isEqualTo("最新的通知");
        assertThat(kept).last().isEqualTo("旧通知 5");

        Account frank = user("n-age");
        db.sql("""
                        insert into user_notification (user_id, type, title, payload, created_at)
                        values (:u, 'order', '三个月前', '{}'::jsonb, :old), (:u, 'order', '上个月', '{}'::jsonb, :recent)""")
                .bind("u", frank.id()).bind("old", clock.instant().minus(settings.retention()).minusSeconds(60))
                .bind("recent", clock.instant().minus(Duration.ofDays(30)))
                .fetch().rowsUpdated().block();
        assertThat(retention.runOnce().block(Duration.ofSeconds(30))).isPositive();
        assertThat(titles(list(frank, ""))).containsExactly("上个月");
    }

    private static List<Object> titles(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().<Object>map(i -> ((Map<?, ?>) i).get("title")).toList();
    }
}
