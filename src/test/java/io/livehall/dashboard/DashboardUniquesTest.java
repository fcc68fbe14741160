package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import io.livehall.IntegrationTest;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.presence.Presence;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Unique viewers across rooms: a signed-in viewer watching two training sessions of one series, and another watching
 * one. The rooms count 2 and 1 (3 summed, as the dashboard used to); the series and the platform count 2, sampled
 * once or again (a union merged twice is the same), on the minute the sampler writes and on the live snapshot.
 */
class DashboardUniquesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Presence presence;
    @Autowired
    Snapshots snapshots;
    @Autowired
    ViewerSampler sampler;
    @Autowired
    ScopeUniques uniques;
    @Autowired
    Tally tally;

    private long liveTraining(long series) {
        return db.sql("""
                        insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url,
                                                      status, started_at)
                        values (:s, '直播讲座', '讲师', now(), 60, '/demo/loop.m3u8', 'LIVE', now()) returning id""")
                .bind("s", series).map(row -> row.get(0, Long.class)).one().block();
    }

    private long unique(long session) {
        return presence.viewers("training", Long.toString(session)).block().unique();
    }

    @Test
    void aViewerInTwoRoomsCountsOnceForTheSeriesAndThePlatform() throws Exception {
        FairFixtures fx = new FairFixtures(db, context);
        Account organiser = fx.account("ORGANISER");
        long series = db.sql("insert into training_series (organiser_id, title) values (:o, '跨房间观众') returning id")
                .bind("o", organiser.id()).map(row -> row.get(0, Long.class)).one().block();
        long first = liveTraining(series);
        long second = liveTraining(series);
        Account both = fx.account("VIEWER");
        Account one = fx.account("VIEWER");
        try (RawStompClient a = RawStompClient.open(port); RawStompClient b = RawStompClient.open(port)) {
            a.connect(both.token());
            a.subscribe("1", "/topic/training/" + first + "/viewers");
            a.subscribe("2", "/topic/training/" + second + "/viewers");
            b.connect(one.token());
            b.subscribe("1", "/topic/training/" + first + "/viewers");
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(unique(first)).isEqualTo(2);
                assertThat(unique(second)).isEqualTo(1);
            });

            // a day of its own (nobody else's rooms in it): the platform holds exactly these rooms' viewers
            Instant day = Instant.parse("2099-01-01T04:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(3000)));
            List<Snapshots.Audience> rooms = snapshots.audiences(new Members(false, false, List.of(series), List.of()), Instant.now())
                    .filter(r -> r.room().live()).collectList().block();
            assertThat(rooms).hasSize(2);
            assertThat(rooms.stream().mapToLong(r -> r.viewers().unique()).sum()).isEqualTo(3);
            for (int i = 0; i < 2; i++) {
                sampler.record(rooms, day).block();
                assertThat(uniques.count(Tally.PLATFORM, Tally.day(day)).block()).isEqualTo(2);
                assertThat(uniques.count(Tally.training(series), Tally.day(day)).block()).isEqualTo(2);
            }
            assertThat(tally.minute(Tally.PLATFORM, Tally.minuteOf(day)).block())
                    .containsEntry(Measure.UNIQUE_VIEWERS.field(), 2L).containsEntry(Measure.VIEWERS_PEAK.field(), 3L);

            // today, live: the series' snapshot counts the two people once each
            sampler.sample().block();
            String snapshot = http.get().uri("/api/dashboard/training-" + series)
                    .header("Authorization", "Bearer " + organiser.token()).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(((Number) JsonPath.read(snapshot, "$.totals.uniqueViewers")).longValue()).isEqualTo(2);
            List<Number> perRoom = JsonPath.read(snapshot, "$.rooms[*].uniqueViewers");
            assertThat(perRoom.stream().mapToLong(Number::longValue).sum()).isEqualTo(3);
        }
    }
}
