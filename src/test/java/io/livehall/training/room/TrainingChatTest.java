package io.livehall.training.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import org.junit.jupiter.api.Test;

/** Chat of a training room: the showcase room's rules (shared), the series ban, hiding a line, roles. */
class TrainingChatTest extends RoomTestSupport {

    private static String send(long session) {
        return "/app/training/" + session + "/chat";
    }

    @Test
    void viewersChatWithBannedWordsMaskedAndTheOrganiserHidesALineAndBansItsAuthor() {
        Account org = organiser("tc-org");
        Account talker = viewer("tc-talk");
        long session = liveSession(org);
        String chat = "/topic/training/" + session + "/chat";
        try (RawStompClient room = RawStompClient.open(port)) {
            room.connect(talker.token());
            room.subscribe("e", "/user/queue/errors");
            room.subscribe("c", chat);
            room.send("SEND", "{\"text\":\"这里有赌博广告\"}", "destination", send(session));
            Frame spam = room.expect("MESSAGE");
            assertThat(spam.header("destination")).isEqualTo(chat);
            assertThat(spam.body()).contains("这里有**广告").contains("\"room\":\"training:" + session + "\"");
            String spamId = spam.header("x-stream-id");

            // another organiser may not hide it, a viewer is 403, a malformed id 400
            Account other = organiser("tc-other");
            String hide = "/api/organiser/training/sessions/" + session + "/chat/hidden";
            send("POST", other.token(), hide, Map.of("messageId", spamId)).expectStatus().isNotFound();
            send("POST", talker.token(), hide, Map.of("messageId", spamId)).expectStatus().isForbidden();
            send("POST", org.token(), hide, Map.of("messageId", "abc")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").isEqualTo("消息编号格式不正确");
            send("POST", org.token(), hide, Map.of("messageId", "1\u0000")).expectStatus().isBadRequest();
            send("POST", org.token(), hide, Map.of("messageId", spamId)).expectStatus().isNoContent();
            assertThat(room.expect("MESSAGE").body()).contains("\"hidden\":\"" + spamId + "\"");

            send("PUT", org.token(), "/api/organiser/training/sessions/" + session + "/bans/" + talker.id(), null)
                    .expectStatus().isOk();
            room.send("SEND", "{\"text\":\"我又来了\"}", "destination", send(session), "receipt", "r1");
            Frame refusal = room.expect("MESSAGE");
            assertThat(refusal.header("destination")).isEqualTo("/user/queue/errors");
            assertThat(refusal.body()).contains("\"code\":\"banned\"");
            assertThat(room.isClosed()).isFalse();
        }
        // a later arrival never replays the hidden line
        String pass = guestPass(); // before the socket opens: it must CONNECT within the connect timeout
        try (RawStompClient late = RawStompClient.open(port)) {
            late.connectAsGuest(pass);
            late.send("SUBSCRIBE", null, "id", "c", "destination", chat, "x-replay-last", "100");
            assertThat(late.expect("MESSAGE").body()).contains("\"hidden\"").doesNotContain("广告");
        }
    }

    @Test
    void guestsEmptyOverlongLinesAndRoomsThatAreNotLiveAreRefused() {
        Account org = organiser("tc-rule");
        Account talker = viewer("tc-rule-v");
        long scheduled = scheduledSession(org);
        String pass = guestPass();
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connectAsGuest(pass);
            guest.subscribe("e", "/user/queue/errors");
            guest.send("SEND", "{\"text\":\"游客\"}", "destination", send(scheduled));
            assertThat(guest.expect("MESSAGE").body()).contains("\"code\":\"unauthenticated\"");
        }
        // opened right before CONNECT: the server closes a socket that sends no CONNECT within its connect timeout
        try (RawStompClient room = RawStompClient.open(port)) {
            room.connect(talker.token());
            room.subscribe("e", "/user/queue/errors");
            room.send("SEND", "{\"text\":\"还没开始\"}", "destination", send(scheduled));
            assertThat(room.expect("MESSAGE").body()).contains("\"code\":\"not-live\"");
            room.send("SEND", "{\"text\":\"   \"}", "destination", send(scheduled));
            assertThat(room.expect("MESSAGE").body()).contains("\"code\":\"invalid\"");
            room.send("SEND", "{\"text\":\"" + "长".repeat(201) + "\"}", "destination", send(scheduled));
            assertThat(room.expect("MESSAGE").body()).contains("\"code\":\"too-long\"");
            room.send("SEND", "{\"text\":\"a\\u0000b\"}", "destination", send(scheduled));
            assertThat(room.expect("MESSAGE").body()).contains("\"code\":\"invalid\"");
            room.send("SEND", "not json", "destination", send(scheduled));
            assertThat(room.expect("MESSAGE").body()).contains("消息格式不正确");
            room.send("SEND", "{\"text\":\"没有这节课\"}", "destination", send(987_654_321_012L));
            assertThat(room.expect("MESSAGE").body()).contains("\"code\":\"not-live\"");
        }
    }
}
