package io.livehall.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import io.livehall.IntegrationTest;
import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/**
 * The instance's own bookkeeping of who is in which room, against the real Redis: a connection that closed before
 * its SUBSCRIBE reached presence never becomes a member (else this instance would refresh it for ever), and a room
 * nobody here is in any more is forgotten, and members Redis lost (it came back empty) join again on the next refresh.
 */
class PresenceBookkeepingTest extends IntegrationTest {

    @Autowired
    Presence presence;

    private static RealtimeUser guest(String id) {
        return RealtimeUser.guest(id, "游客", true);
    }

    @Test
    void aSubscribeHandledAfterItsConnectionClosedJoinsNothing() {
        String room = new LiveFixtures(http, db).liveRoom();
        String destination = "/topic/live/" + room + "/chat";
        presence.connected("c-late");
        StepVerifier.create(presence.disconnected("c-late")).verifyComplete();

        StepVerifier.create(presence.subscribed("c-late", guest("g-late"), destination)).verifyComplete();

        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isZero()).verifyComplete();
        assertThat(presence.hasLocalMembers("live", room)).isFalse();
    }

    @Test
    void aConnectionNeverOpenedHereJoinsNothing() {
        String room = new LiveFixtures(http, db).liveRoom();
        StepVerifier.create(presence.subscribed("c-unknown", guest("g-unknown"), "/topic/live/" + room + "/chat"))
                .verifyComplete();

        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isZero()).verifyComplete();
    }

    @Test
    void aRoomIsForgottenWhenItsLastLocalMemberLeaves() {
        String room = new LiveFixtures(http, db).liveRoom();
        String chat = "/topic/live/" + room + "/chat";
        String viewers = "/topic/live/" + room + "/viewers";
        presence.connected("c-a");
        presence.connected("c-b");

        StepVerifier.create(presence.subscribed("c-a", guest("g-a"), chat)
                .then(presence.subscribed("c-a", guest("g-a"), viewers))
                .then(presence.subscribed("c-b", guest("g-b"), chat))).verifyComplete();
        assertThat(presence.hasLocalMembers("live", room)).isTrue();
        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isEqualTo(2)).verifyComplete();

        // c-a still has a subscription in the room after its first UNSUBSCRIBE
        StepVerifier.create(presence.unsubscribed("c-a", chat)).verifyComplete();
        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isEqualTo(2)).verifyComplete();

        StepVerifier.create(presence.unsubscribed("c-a", viewers).then(presence.disconnected("c-b"))).verifyComplete();
        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isZero()).verifyComplete();
        assertThat(presence.hasLocalMembers("live", room)).isFalse();
        StepVerifier.create(presence.disconnected("c-a")).verifyComplete();
    }

    @Test
    void membersRedisLostJoinAgainOnTheNextRefresh() {
        String room = new LiveFixtures(http, db).liveRoom();
        presence.connected("c-kept");
        StepVerifier.create(presence.subscribed("c-kept", guest("g-kept"), "/topic/live/" + room + "/chat")).verifyComplete();
        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isEqualTo(1)).verifyComplete();

        // as if Redis restarted empty: the room's members and figures are gone, the connection is still here
        presence.forget("live", room).block(Duration.ofSeconds(5));
        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isZero()).verifyComplete();

        await("the connection counts again").atMost(Presence.REFRESH_INTERVAL.plusSeconds(3))
                .until(() -> presence.viewers("live", room).block(Duration.ofSeconds(5)).now() == 1);
        StepVerifier.create(presence.disconnected("c-kept")).verifyComplete();
        StepVerifier.create(presence.viewers("live", room)).assertNext(v -> assertThat(v.now()).isZero()).verifyComplete();
    }
}
