package io.livehall.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.livehall.IntegrationTest;
import io.livehall.common.redis.RedisKeys;
import io.livehall.identity.GuestIds;
import io.livehall.identity.TestTokens;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.presence.Presence;
import io.livehall.showcase.live.LiveFixtures;
import io.livehall.showcase.order.OrderFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Who a connection is, over time: guests keep one signed id across reconnects (likes are limited per guest, unique
 * viewers count the guest once), anonymous guests cannot like, and a connection's rights end when its token expires.
 */
class ConnectionIdentityTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Presence presence;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private GuestPassBody guest() {
        return http.post().uri("/api/auth/guest").exchange().expectStatus().isOk()
                .expectBody(GuestPassBody.class).returnResult().getResponseBody();
    }

    private static Frame connectAsGuest(RawStompClient client, String pass) {
        client.send("CONNECT", null, "accept-version", "1.2", "host", "livehall", "heart-beat", "0,0", "x-guest", pass);
        return client.expect("CONNECTED");
    }

    @Test
    void aSignedGuestIsTheSameGuestOnEveryConnectionAndAForgedPassIsNobody() {
        GuestPassBody guest = guest();
        assertThat(guest.guestId()).startsWith("guest-");
        try (RawStompClient first = RawStompClient.open(port); RawStompClient second = RawStompClient.open(port);
             RawStompClient forged = RawStompClient.open(port)) {
            assertThat(connectAsGuest(first, guest.pass()).header("user-name")).isEqualTo(guest.guestId());
            assertThat(connectAsGuest(second, guest.pass()).header("user-name")).isEqualTo(guest.guestId());
            String pass = guest.pass();
            char c = pass.charAt(3);
            String tampered = pass.substring(0, 3) + (c == 'A' ? 'B' : 'A') + pass.substring(4); // another id, same mac
            assertThat(connectAsGuest(forged, tampered).header("user-name")).startsWith("anon-");
        }
    }

    @Test
    void onlyTheCanonicalSpellingOfAPassIsAccepted() {
        GuestIds guests = context.getBean(GuestIds.class);
        String pass = guest().pass();
        assertThat(guests.verify(pass)).isPresent();
        // the last character of each 22-character part carries 4 unused bits: A and B decode to the same bytes
        String last = pass.substring(pass.length() - 1);
        char twin = (char) (last.charAt(0) ^ 1);
        String respelled = pass.substring(0, pass.length() - 1) + twin;
        assertThat(guests.verify(respelled)).isEmpty();
        assertThat(guests.verify(pass + "x")).isEmpty();
        assertThat(guests.verify(null)).isEmpty();
    }

    @Test
    void likesAreLimitedPerGuestAcrossReconnectsAndNeedAGuestId() {
        String room = new LiveFixtures(http, db).liveRoom();
        String like = "/app/live/" + room + "/like";
        GuestPassBody guest = guest();
        // 100 likes per 10 s: five SENDs of 20 on one connection...
        try (RawStompClient client = RawStompClient.open(port)) {
            connectAsGuest(client, guest.pass());
            client.subscribe("e", "/user/queue/errors");
            for (int i = 0; i < 5; i++) {
                client.send("SEND", "{\"count\":20}", "destination", like, "receipt", "l" + i);
                assertThat(client.expect("RECEIPT").header("receipt-id")).isEqualTo("l" + i);
            }
        }
        // ...and a new connection of the same guest gets no fresh budget
        try (RawStompClient again = RawStompClient.open(port)) {
            connectAsGuest(again, guest.pass());
            again.subscribe("e", "/user/queue/errors");
            again.send("SEND", "{\"count\":1}", "destination", like, "receipt", "more");
            assertThat(again.expect("MESSAGE").body()).contains("\"code\":\"rate-limited\"");
        }
        try (RawStompClient anonymous = RawStompClient.open(port)) {
            anonymous.connect(null);
            anonymous.subscribe("e", "/user/queue/errors");
            anonymous.send("SEND", "{\"count\":1}", "destination", like);
            assertThat(anonymous.expect("MESSAGE").body()).contains("\"code\":\"unauthenticated\"");
        }
    }

    @Test
    void aGuestWhoComesBackIsOneUniqueViewerAndAnonymousGuestsAreNotCounted() {
        String room = new LiveFixtures(http, db).liveRoom();
        String viewers = "/topic/live/" + room + "/viewers";
        GuestPassBody guest = guest();
        for (int visit = 0; visit < 3; visit++) {
            try (RawStompClient client = RawStompClient.open(port)) {
                connectAsGuest(client, guest.pass());
                client.subscribe("v", viewers);
            }
        }
        try (RawStompClient anonymous = RawStompClient.open(port)) {
            anonymous.connect(null);
            anonymous.subscribe("v", viewers);
            assertThat(presence.viewers("live", room).block(Duration.ofSeconds(5)).unique()).isEqualTo(1);
        }
    }

    @Test
    void guestIdsAreIssuedAtMost30TimesAnHourPerAddress() {
        String counter = RedisKeys.of("ratelimit", "addr:127.0.0.1", "guest-ids");
        redis.delete(counter).block(Duration.ofSeconds(5));
        try {
            for (int i = 0; i < 30; i++) {
                http.post().uri("/api/auth/guest").exchange().expectStatus().isOk();
            }
            http.post().uri("/api/auth/guest").exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("/too-many-guest-ids"));
        } finally {
            redis.delete(counter).block(Duration.ofSeconds(5));
        }
    }

    @Test
    void aConnectionEndsWhenItsTokenExpires() {
        long userId = new OrderFixtures(http, db, context).buyer("expiring").id();
        String token = TestTokens.mintExpiring(context, userId, Duration.ofSeconds(2), "VIEWER");
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(token);
            client.subscribe("n", "/user/queue/notifications");
            Frame error = client.expect("ERROR");
            assertThat(error.header("message")).isEqualTo("token expired");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void aLogoutEndsTheConnectionsOfThatTokenAtOnceAndNoOther() {
        String username = uniqueName("leaver");
        String phone = registerAndLogin(username, "secret-123");
        String laptop = login(username, "secret-123");
        try (RawStompClient onPhone = RawStompClient.open(port); RawStompClient onLaptop = RawStompClient.open(port)) {
            onPhone.connect(phone);
            onLaptop.connect(laptop);

            http.post().uri("/api/auth/logout").header("Authorization", "Bearer " + phone).exchange()
                    .expectStatus().isNoContent();

            assertThat(onPhone.expect("ERROR").header("message")).isEqualTo("token revoked");
            assertThat(onPhone.awaitClose()).isEqualTo(1008);
            onLaptop.subscribe("n", "/user/queue/notifications"); // answers its RECEIPT: still connected
            assertThat(onLaptop.isClosed()).isFalse();
        }
    }

    @Test
    void endingAUsersSessionsEndsEveryConnectionOfTheirs() {
        String username = uniqueName("ended");
        String token = registerAndLogin(username, "secret-123");
        long userId = db.sql("select id from app_user where username = :u").bind("u", username)
                .map(row -> row.get(0, Long.class)).one().block();
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(token);
            context.getBean(io.livehall.identity.Accounts.class).endSessions(userId).block(Duration.ofSeconds(5));
            assertThat(client.expect("ERROR").header("message")).isEqualTo("token revoked");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }
}
