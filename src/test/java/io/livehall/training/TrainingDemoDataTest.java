package io.livehall.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.livehall.DemoHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo hall's trainings: the Ningxia four-part series with 政策篇 live on the demo stream, and a policy training. */
class TrainingDemoDataTest extends DemoHallTest {

    @Autowired
    TrainingDemoData demo;

    private List<String> ningxia() {
        return db.sql("""
                        select t.title || '|' || t.status as s from training_session t
                          join training_series s on s.id = t.series_id where s.title = :title order by t.starts_at""")
                .bind("title", TrainingDemoData.NINGXIA).map(row -> row.get("s", String.class)).all().collectList().block();
    }

    @Test
    void theNingxiaSeriesHasFourPartsOneLiveOnTheDemoStreamAndSeedingTwiceAddsNothing() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ningxia().size() == 4);
        assertThat(ningxia()).extracting(s -> s.substring(0, 3)).containsExactly("趋势篇", "政策篇", "实务篇", "专精特");
        assertThat(ningxia()).extracting(s -> s.substring(s.indexOf('|') + 1))
                .containsExactly("REPLAY_AVAILABLE", "LIVE", "SCHEDULED", "SCHEDULED");
        long live = db.sql("select t.id from training_session t join training_series s on s.id = t.series_id"
                        + " where s.title = :title and t.status = 'LIVE'").bind("title", TrainingDemoData.NINGXIA)
                .map(row -> row.get("id", Long.class)).one().block();
        http.get().uri("/api/training/sessions/" + live).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.streamUrl").isEqualTo("/demo/stream/live.m3u8")
                .jsonPath("$.streamKind").isEqualTo("HLS");
        http.get().uri("/api/training/series?status=live&tag=专精特新").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].title").isEqualTo(TrainingDemoData.NINGXIA);
        // 趋势篇 ended a week ago: its replay is the demo loop as a VOD playlist, with chapters (training.replay)
        long trend = db.sql("select t.id from training_session t join training_series s on s.id = t.series_id"
                        + " where s.title = :title and t.title like '趋势篇%'").bind("title", TrainingDemoData.NINGXIA)
                .map(row -> row.get("id", Long.class)).one().block();
        http.get().uri("/api/training/sessions/" + trend + "/replay").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.playUrl").isEqualTo("/demo/stream/replay.m3u8")
                .jsonPath("$.kind").isEqualTo("HLS")
                .jsonPath("$.chapters.length()").isEqualTo(5)
                .jsonPath("$.chapters[0].startSeconds").isEqualTo(0);
        http.get().uri("/demo/stream/replay.m3u8").exchange().expectStatus().isOk().expectBody(String.class)
                .value(m3u8 -> assertThat(m3u8).contains("#EXT-X-ENDLIST"));
        assertThat(db.sql("select count(*) as n from training_series where title = '广西惠企政策直播培训'")
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);

        assertThat(demo.seed().block()).as("seeded again").isFalse();
        assertThat(ningxia()).hasSize(4);
    }
}
