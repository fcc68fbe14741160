package io.livehall.training.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.realtime.SecondInstance;
import io.livehall.training.TrainingTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The learner's pages are kept near on each instance (LearnerPages, PublishedCourses) and served from there, yet a
 * change made through the other instance shows here within moments: progress (the learner's part of the course page
 * and "my learning"), a new learner (the count), an organiser's edit of the course and of its topic.
 */
class CourseCachesTwoInstancesTest extends TrainingTestSupport {

    /** the announcement crosses Redis pub/sub: milliseconds; the bound leaves room for a busy test machine */
    private static final Duration CROSSING = Duration.ofSeconds(2);

    private static WebTestClient onB;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void secondInstance() {
        onB = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + SecondInstance.port())
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static WebTestClient.ResponseSpec send(WebTestClient on, String method, String token, String uri, Object body) {
        var spec = on.method(HttpMethod.valueOf(method)).uri(uri).header("Authorization", "Bearer " + token);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<?, ?> body(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static long id(Map<?, ?> body) {
        return ((Number) body.get("id")).longValue();
    }

    private Map<?, ?> page(WebTestClient on, Account who, long courseId) {
        return body(send(on, "GET", who.token(), "/api/courses/" + courseId, null));
    }

    private Map<?, ?> firstLearning(WebTestClient on, Account who) {
        List<?> items = (List<?>) body(send(on, "GET", who.token(), "/api/me/learning", null)).get("items");
        return (Map<?, ?>) items.get(0);
    }

    private static void report(WebTestClient on, Account who, long courseId, long lessonId, int position) {
        body(send(on, "PUT", who.token(), "/api/courses/" + courseId + "/lessons/" + lessonId + "/progress",
                Map.of("positionSeconds", position, "watchedSeconds", 0)));
    }

    private static int positionIn(Map<?, ?> page, long lessonId) {
        return ((List<?>) page.get("progress")).stream().map(p -> (Map<?, ?>) p)
                .filter(p -> ((Number) p.get("lessonId")).longValue() == lessonId)
                .map(p -> ((Number) p.get("positionSeconds")).intValue()).findFirst().orElse(-1);
    }

    private double hits(String cache) {
        return meters.counter("livehall.cache.near", "cache", cache, "result", "hit").count();
    }

    @Test
    void changesThroughTheOtherInstanceShowHereThoughThePagesAreKept() {
        Account org = account("cache-org", "VIEWER", "ORGANISER");
        Account learner = account("cache-learner");
        Account newcomer = account("cache-newcomer");
        long topic = id(body(send(http, "POST", org.token(), "/api/organiser/courses/topics",
                Map.of("name", uniqueName("专题"), "position", 1))));
        long course = id(body(send(http, "POST", org.token(), "/api/organiser/courses",
                Map.of("topicId", topic, "title", "缓存课程", "summary", "两讲", "lecturer", "王老师"))));
        long[] lessons = new long[2];
        for (int i = 0; i < 2; i++) {
            List<?> all = (List<?>) body(send(http, "POST", org.token(), "/api/organiser/courses/" + course + "/lessons",
                    Map.of("title", "第" + (i + 1) + "讲", "videoUrl", "https://cdn.example.com/c.m3u8",
                            "durationSeconds", 600))).get("lessons");
            lessons[i] = ((Number) ((Map<?, ?>) all.get(i)).get("id")).longValue();
        }
        body(send(http, "POST", org.token(), "/api/organiser/courses/" + course + "/publish", null));

        report(http, learner, course, lessons[0], 10);
        double mineHits = hits(LearnerPages.MINE);
        double learningHits = hits(LearnerPages.LEARNING);
        assertThat(positionIn(page(http, learner, course), lessons[0])).isEqualTo(10);
        assertThat(positionIn(page(http, learner, course), lessons[0])).isEqualTo(10);
        assertThat(firstLearning(http, learner).get("lastLessonId")).isEqualTo((int) lessons[0]);
        assertThat(firstLearning(http, learner).get("lastLessonId")).isEqualTo((int) lessons[0]);
        assertThat(((List<?>) body(send(http, "GET", learner.token(), "/api/me/learning?limit=1", null)).get("items")))
                .hasSize(1); // another page size replaces the kept page
        assertThat(firstLearning(http, learner).get("lastLessonId")).isEqualTo((int) lessons[0]);
        assertThat(hits(LearnerPages.MINE)).as("the second read was served from the near cache").isGreaterThan(mineHits);
        assertThat(hits(LearnerPages.LEARNING)).isGreaterThan(learningHits);

        // progress through B: A's kept pages go
        report(onB, learner, course, lessons[1], 20);
        await("A's course page shows progress made through B").atMost(CROSSING)
                .until(() -> positionIn(page(http, learner, course), lessons[1]) == 20);
        await("A's my learning shows it").atMost(CROSSING)
                .until(() -> ((Number) firstLearning(http, learner).get("lastLessonId")).longValue() == lessons[1]);
        assertThat(positionIn(page(http, learner, course), lessons[0])).isEqualTo(10);

        // a new learner through B: A's course page counts them
        assertThat(page(http, learner, course).get("learnerCount")).isEqualTo(1);
        report(onB, newcomer, course, lessons[0], 5);
        await("A counts the learner who started on B").atMost(CROSSING)
                .until(() -> ((Number) page(http, learner, course).get("learnerCount")).intValue() == 2);

        // the organiser renames the course and its topic through B
        body(send(onB, "PUT", org.token(), "/api/organiser/courses/" + course,
                Map.of("topicId", topic, "title", "改名后的课程", "summary", "两讲", "lecturer", "王老师")));
        await("A's course page shows the new title").atMost(CROSSING)
                .until(() -> "改名后的课程".equals(page(http, learner, course).get("title")));
        await("A's my learning shows it").atMost(CROSSING)
                .until(() -> "改名后的课程".equals(firstLearning(http, learner).get("title")));
        String topicName = uniqueName("新专题");
        body(send(onB, "PUT", org.token(), "/api/organiser/courses/topics/" + topic, Map.of("name", topicName, "position", 1)));
        await("A's course page shows the new topic").atMost(CROSSING)
                .until(() -> topicName.equals(page(http, learner, course).get("topic")));
        await("A's my learning shows it").atMost(CROSSING)
                .until(() -> topicName.equals(firstLearning(http, learner).get("topic")));
    }

    @Test
    void onTheInstanceThatWroteAPageIsNeverStale() {
        Account org = account("cache-org", "VIEWER", "ORGANISER");
        Account learner = account("cache-learner");
        long topic = id(body(send(http, "POST", org.token(), "/api/organiser/courses/topics",
                Map.of("name", uniqueName("专题"), "position", 1))));
        long course = id(body(send(http, "POST", org.token(), "/api/organiser/courses",
                Map.of("topicId", topic, "title", "本实例", "summary", "一讲", "lecturer", "王老师"))));
        List<?> all = (List<?>) body(send(http, "POST", org.token(), "/api/organiser/courses/" + course + "/lessons",
                Map.of("title", "第1讲", "videoUrl", "https://cdn.example.com/c.m3u8", "durationSeconds", 600)))
                .get("lessons");
        long lesson = ((Number) ((Map<?, ?>) all.get(0)).get("id")).longValue();
        body(send(http, "POST", org.token(), "/api/organiser/courses/" + course + "/publish", null));

        for (int position = 10; position <= 50; position += 10) {
            report(http, learner, course, lesson, position);
            assertThat(positionIn(page(http, learner, course), lesson)).isEqualTo(position);
            assertThat(firstLearning(http, learner).get("lastActivityAt"))
                    .isEqualTo(((Map<?, ?>) ((List<?>) page(http, learner, course).get("progress")).get(0)).get("updatedAt"));
        }
        // the lesson completed, then a second lesson added: the kept standing's percentage follows the course as it is now
        clock.set(clock.instant());
        body(send(http, "PUT", learner.token(), "/api/courses/" + course + "/lessons/" + lesson + "/progress",
                Map.of("positionSeconds", 100, "watchedSeconds", 10)));
        clock.advance(Duration.ofSeconds(600));
        body(send(http, "PUT", learner.token(), "/api/courses/" + course + "/lessons/" + lesson + "/progress",
                Map.of("positionSeconds", 600, "watchedSeconds", 600)));
        assertThat(((Map<?, ?>) page(http, learner, course).get("myProgress")).get("percent")).isEqualTo(100);
        body(send(http, "POST", org.token(), "/api/organiser/courses/" + course + "/lessons",
                Map.of("title", "第2讲", "videoUrl", "https://cdn.example.com/c.m3u8", "durationSeconds", 60)));
        Map<?, ?> mine = (Map<?, ?>) page(http, learner, course).get("myProgress");
        assertThat(mine.get("completedLessons")).isEqualTo(1);
        assertThat(mine.get("percent")).isEqualTo(50);
        assertThat(firstLearning(http, learner).get("percent")).isEqualTo(50);
    }
}
