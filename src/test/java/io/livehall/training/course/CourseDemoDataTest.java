package io.livehall.training.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.livehall.DemoHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo hall's course library: four topics, eight courses on the demo loop as VOD, the demo viewer's progress. */
class CourseDemoDataTest extends DemoHallTest {

    @Autowired
    CourseDemoData demo;

    /** The demo organiser's courses (the test database also holds other tests' courses). */
    private static final String DEMO = "(select c.* from course c join app_user u on u.id = c.organiser_id and u.username = 'organiser')";

    private long count(String sql) {
        return db.sql(sql.replace("from course c", "from " + DEMO + " c")).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    @Test
    void theLibraryHasEightCoursesOnTheDemoLoopTheViewersProgressAddsUpAndSeedingTwiceAddsNothing() {
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from course c where published") == 8);
        assertThat(count("select count(*) from course_topic where name in ('政策解读', '数字化转型', '专精特新', '财税金融')")).isEqualTo(4);
        assertThat(count("select count(*) from course c where lesson_count not between 3 and 5"
                + " or lesson_count <> (select count(*) from course_lesson l where l.course_id = c.id)")).isZero();
        assertThat(count("select count(*) from course c where learner_count <> (select count(*) from course_learner l where l.course_id = c.id)"))
                .isZero();
        assertThat(count("select count(*) from course c join course_learner l on l.course_id = c.id")).isEqualTo(2);

        List<?> topics = http.get().uri("/api/courses/topics").exchange().expectStatus().isOk().expectBody(List.class)
                .returnResult().getResponseBody();
        assertThat(topics.stream().map(t -> (String) ((java.util.Map<?, ?>) t).get("name")).toList())
                .containsSubsequence("政策解读", "数字化转型", "专精特新", "财税金融"); // other tests' topics may be there too
        long course = count("select id from course c where title = '中小企业数字化转型入门'");
        http.get().uri("/api/courses/" + course).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.lessons[0].videoUrl").isEqualTo("/demo/stream/course-180.m3u8")
                .jsonPath("$.lessons[0].videoKind").isEqualTo("HLS")
                .jsonPath("$.learnerCount").isEqualTo(1);
        http.get().uri("/demo/stream/course-180.m3u8").exchange().expectStatus().isOk().expectBody(String.class)
                .value(m3u8 -> assertThat(m3u8).contains("#EXT-X-PLAYLIST-TYPE:VOD", "/demo/stream/seg-5.ts",
                        "#EXT-X-DISCONTINUITY", "#EXT-X-ENDLIST"));
        http.get().uri("/demo/stream/course-0.m3u8").exchange().expectStatus().isNotFound();

        assertThat(demo.seed().block()).as("seeded again").isFalse();
        assertThat(count("select count(*) from course c where published")).isEqualTo(8);
    }
}
