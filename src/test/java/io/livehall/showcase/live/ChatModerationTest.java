package io.livehall.showcase.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Issue 12, console 1: the session's merchant (or an organiser) hides chat lines and mutes users; others may not. */
class ChatModerationTest extends LiveTestSupport {

    private String organiser() {
        String name = uniqueName("org");
        registerAndLogin(name, ShowcaseFixtures.PASSWORD);
        grantRoles(name, "VIEWER", "ORGANISER");
        return login(name, ShowcaseFixtures.PASSWORD);
    }

    private static String moderation(long id) {
        return "/api/live-sessions/" + id + "/moderation";
    }

    @Test
    void aHiddenLineLeavesOpenRoomsAndIsNeverReplayedAgain() {
        Shop shop = shop("hide");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), id);
        String chat = "/topic/live/" + id + "/chat";
        String talker = fixtures().viewer("hide-talker").token();
        try (RawStompClient viewer = RawStompClient.open(port)) {
            viewer.connect(talker);
            viewer.subscribe("c", chat);
            viewer.send("SEND", "{\"text\":\"广告：加微信\"}", "destination", "/app/live/" + id + "/chat");
            Frame spam = viewer.expect("MESSAGE");
            String spamId = spam.header("x-stream-id");
            assertThat(spamId).matches("\\d+-\\d+");
            viewer.send("SEND", "{\"text\":\"好茶\"}", "destination", "/app/live/" + id + "/chat");
            viewer.expect("MESSAGE");

            post(shop.merchant().user().token(), moderation(id) + "/hidden", Map.of("messageId", spamId))
                    .expectStatus().isNoContent();
            Frame hidden = viewer.expect("MESSAGE");
            assertThat(hidden.header("destination")).isEqualTo(chat);
            assertThat(hidden.body()).contains("\"hidden\":\"" + spamId + "\"").contains("\"room\":\"live:" + id + "\"");
        }
        // a later arrival replaying the room's chat gets the clean line (and the hide event), never the hidden one
        try (RawStompClient late = RawStompClient.open(port)) {
            late.connect(null);
            late.send("SUBSCRIBE", null, "id", "c", "destination", chat, "x-replay-last", "100");
            String first = late.expect("MESSAGE").body();
            String second = late.expect("MESSAGE").body();
            assertThat(first).contains("好茶");
            assertThat(second).contains("\"hidden\"");
            assertThat(first + second).doesNotContain("加微信");
        }
        // a malformed id is a 400 with a Chinese detail
        post(shop.merchant().user().token(), moderation(id) + "/hidden", Map.of("messageId", "abc"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("消息编号格式不正确");
    }

    @Test
    void aMutedUsersChatIsRefusedOnTheOpenConnectionUntilUnmuted() {
        Shop shop = shop("mute");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), id);
        ShowcaseFixtures.Account troll = fixtures().viewer("troll");
        String organiser = organiser();
        try (RawStompClient chatter = RawStompClient.open(port)) {
            chatter.connect(troll.token());
            chatter.subscribe("e", "/user/queue/errors");
            chatter.subscribe("c", "/topic/live/" + id + "/chat");

            call(HttpMethod.PUT, shop.merchant().user().token(), moderation(id) + "/mutes/" + troll.id(), null)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.userId").isEqualTo(troll.id())
                    .jsonPath("$.displayName").isNotEmpty();
            chatter.send("SEND", "{\"text\":\"我又来了\"}", "destination", "/app/live/" + id + "/chat", "receipt", "r1");
            Frame refusal = chatter.expect("MESSAGE");
            assertThat(refusal.header("destination")).isEqualTo("/user/queue/errors");
            assertThat(refusal.header("receipt-id")).isEqualTo("r1");
            assertThat(refusal.body()).contains("\"code\":\"muted\"").contains("你已被禁言");
            assertThat(chatter.isClosed()).isFalse();

            get(organiser, moderation(id) + "/mutes").expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(1)
                    .jsonPath("$[0].userId").isEqualTo(troll.id());
            // an organiser may lift it
            call(HttpMethod.DELETE, organiser, moderation(id) + "/mutes/" + troll.id(), null).expectStatus().isNoContent();
            chatter.send("SEND", "{\"text\":\"我错了\"}", "destination", "/app/live/" + id + "/chat");
            Frame line = chatter.expect("MESSAGE");
            assertThat(line.header("destination")).isEqualTo("/topic/live/" + id + "/chat");
            assertThat(line.body()).contains("我错了");
        }
        // the mute is in PostgreSQL (it outlives an instance and a Redis loss)
        call(HttpMethod.PUT, organiser, moderation(id) + "/mutes/" + troll.id(), null).expectStatus().isOk();
        assertThat(db.sql("select count(*) as n from live_chat_mute where session_id = :s and user_id = :u")
                .bind("s", id).bind("u", troll.id()).map(r -> r.get("n", Long.class)).one().block()).isEqualTo(1L);
        // the merchant's own accounts and organisers are not muted
        call(HttpMethod.PUT, organiser, moderation(id) + "/mutes/" + shop.merchant().user().id(), null)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").isEqualTo("不能禁言本场商家或主办方");
        call(HttpMethod.PUT, organiser, moderation(id) + "/mutes/999999999", null).expectStatus().isNotFound();
    }

    @Test
    void viewersAndOtherMerchantsMayNotModerate() {
        Shop shop = shop("modauth");
        ShowcaseFixtures.Merchant other = fixtures().merchant("modauth-other");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), id);
        ShowcaseFixtures.Account viewer = fixtures().viewer("modauth-viewer");
        for (String token : List.of(viewer.token(), other.user().token())) {
            post(token, moderation(id) + "/hidden", Map.of("messageId", "1-0")).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.detail").isEqualTo("只有本场直播的商家和主办方可以管理聊天");
            call(HttpMethod.PUT, token, moderation(id) + "/mutes/" + viewer.id(), null).expectStatus().isForbidden();
            call(HttpMethod.DELETE, token, moderation(id) + "/mutes/" + viewer.id(), null).expectStatus().isForbidden();
            get(token, moderation(id) + "/mutes").expectStatus().isForbidden();
        }
        get(null, moderation(id) + "/mutes").expectStatus().isUnauthorized();
        post(null, moderation(id) + "/hidden", Map.of("messageId", "1-0")).expectStatus().isUnauthorized();
        post(shop.merchant().user().token(), moderation(999_999_999L) + "/hidden", Map.of("messageId", "1-0"))
                .expectStatus().isNotFound();
        assertThat(db.sql("select count(*) as n from live_chat_mute where session_id = :s").bind("s", id)
                .map(r -> r.get("n", Long.class)).one().block(Duration.ofSeconds(10))).isZero();
    }
}
