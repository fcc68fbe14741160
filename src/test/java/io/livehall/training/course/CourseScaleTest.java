package io.livehall.training.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The library at the scale: 200 courses of 8 lessons and 10,000 learners, each in three courses with four
 * lessons started (30,000 learner rows, 120,000 progress rows), seeded with {@code generate_series}
 * (infra/bench/courses/seed.sql). The list (both sorts, with a topic, with a cursor), the course page and "my
 * learning" are planned as index reads (EXPLAIN of exactly the endpoints' SQL, no sequential scan of a course or
 * progress table), both kinds of search can be answered from their indexes, and all answer right.
 * No timings here: those are the benchmark's (infra/bench/courses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseScaleTest extends IntegrationTest {

    static final int COURSES = 200;
    static final int LESSONS = 8;
    static final int LEARNERS = 10_000;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long firstCourse;
    private long[] topics;
    private long someLearner;

    @BeforeAll
    void seed() {
        // the seed of infra/bench/courses/seed.sql with this run's names
        String template = "scale-" + run + "-tpl";
        registerAndLogin(template, CourseScaleSeed.PASSWORD);
        String sql = CourseScaleSeed.sql(run, COURSES, LESSONS, LEARNERS, template);
        db.sql(sql).then().block();
        db.sql("analyze course; analyze course_lesson; analyze course_learner; analyze course_lesson_progress; analyze app_user")
                .then().block();
        firstCourse = db.sql("select min(id) as id from course where title like :t").bind("t", "规模" + run + "%")
                .map(row -> row.get("id", Long.class)).one().block();
        topics = db.sql("select id from course_topic where name like :t order by id").bind("t", "规模" + run + "%")
                .map(row -> row.get("id", Long.class)).all().collectList().block().stream().mapToLong(Long::longValue).toArray();
        someLearner = db.sql("select id from app_user where username = :u").bind("u", "scale-" + run + "-1")
                .map(row -> row.get("id", Long.class)).one().block();
    }

    @Autowired
    TransactionalOperator tx;

    private String plan(Sql sql) {
        return sql.on(db, "explain (format json) ").map(row -> row.get(0, String.class)).one().block();
    }

    /** The tables a plan reads by a sequential scan. */
    private static List<String> seqScans(String plan) {
        List<String> tables = new ArrayList<>();
        Matcher m = Pattern.compile("\"Node Type\": \"Seq Scan\".*?\"Relation Name\": \"([a-z_]+)\"", Pattern.DOTALL).matcher(plan);
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    private static void assertIndexRead(String plan, String index) {
        assertThat(seqScans(plan)).as(plan).doesNotContain("course", "course_lesson", "course_learner", "course_lesson_progress");
        assertThat(plan).as(plan).contains(index);
    }

    @Test
    void theListBothSortsAndBothSearchesAreIndexReads() {
        CourseListQuery newest = new CourseListQuery(false, null, null, null, CourseSort.NEWEST, null);
        assertIndexRead(plan(CourseRepository.listSql(newest, 20, someLearner)), "course_published_idx");
        CourseListQuery popular = new CourseListQuery(false, null, topics[0], null, CourseSort.LEARNERS,
                new CourseCursor(150, firstCourse + 100, null));
        assertIndexRead(plan(CourseRepository.listSql(popular, 20, someLearner)), "course_popular_topic_idx");
        CourseListQuery popularAll = new CourseListQuery(false, null, null, null, CourseSort.LEARNERS, null);
        assertIndexRead(plan(CourseRepository.listSql(popularAll, 20, null)), "course_popular_idx");
    }

    /**
     * At this size (a dozen pages of courses) PostgreSQL rightly answers a search list by reading the published
     * courses whole and filtering: it prices the trigram bitmap far above that. What must hold is that the search
     * condition is the indexed expression, so the indexes take over as the library grows: planned on its own, with
     * sequential scans priced out for this transaction only, it is a read of its index.
     */
    @Test
    void bothSearchConditionsAreAnsweredByTheirIndexes() {
        Sql search = CourseRepository.searchSql("罕见讲师" + run);
        assertIndexRead(planWithoutSeqScans(new Sql("select c.id from course c where " + search.text(), search.binds())),
                "course_search_trgm");
        Sql shortSearch = CourseRepository.searchSql("罕见");
        assertIndexRead(planWithoutSeqScans(new Sql("select c.id from course c where " + shortSearch.text(), shortSearch.binds())),
                "course_search_grams");
    }

    private String planWithoutSeqScans(Sql sql) {
        return tx.transactional(db.sql("set local enable_seqscan = off").then()
                .then(sql.on(db, "explain (format json) ").map(row -> row.get(0, String.class)).one())).block();
    }

    @Test
    void theCoursePageAndMyLearningAreIndexReads() {
        assertIndexRead(plan(CourseRepository.courseSql(firstCourse)), "course_pkey");
        assertIndexRead(plan(CourseRepository.lessonsSql(firstCourse)), "course_lesson_course_id_");
        String mine = plan(LearningRepository.mineSql(someLearner, firstCourse));
        assertIndexRead(mine, "course_lesson_progress_pkey");
        assertIndexRead(mine, "course_learner_pkey");
        assertIndexRead(plan(LearningRepository.myLearningSql(someLearner, null, 20)), "course_learner_activity_idx");
        assertIndexRead(plan(LearningRepository.myLearningSql(someLearner,
                CourseCursor.parseActivity("2026-01-01T00:00:00Z_" + firstCourse), 20)), "course_learner_activity_idx");
    }

    @Test
    void countsSearchAndPagesAreRightAtScale() {
        long learnerRows = db.sql("select count(*) as n from course_learner l join course c on c.id = l.course_id where c.title like :t")
                .bind("t", "规模" + run + "%").map(row -> row.get("n", Long.class)).one().block();
        assertThat(learnerRows).isEqualTo(3L * LEARNERS);
        long counted = db.sql("select sum(learner_count) as n from course where title like :t").bind("t", "规模" + run + "%")
                .map(row -> ((Number) row.get("n")).longValue()).one().block();
        assertThat(counted).isEqualTo(3L * LEARNERS);
        // a course page tells the stored count, which is the number of its learners
        long course = firstCourse + 7;
        long learners = db.sql("select count(*) as n from course_learner where course_id = :c").bind("c", course)
                .map(row -> row.get("n", Long.class)).one().block();
        http.get().uri("/api/courses/" + course).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.learnerCount").isEqualTo((int) learners)
                .jsonPath("$.lessons.length()").isEqualTo(LESSONS);

        // one topic's 50 courses, most learners first, in three pages without gaps or repeats
        List<Integer> seen = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        String after = null;
        do {
            String uri = "/api/courses?sort=learners&limit=20&topic=" + topics[1] + (after == null ? "" : "&after=" + after);
            Map<?, ?> page = http.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            for (Object item : (List<?>) page.get("items")) {
                seen.add(((Number) ((Map<?, ?>) item).get("id")).intValue());
                counts.add(((Number) ((Map<?, ?>) item).get("learnerCount")).intValue());
            }
            after = (String) page.get("next");
        } while (after != null);
        assertThat(seen).hasSize(COURSES / 4).doesNotHaveDuplicates();
        assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        // the rare lecturer teaches every 40th course: five of them
        http.get().uri(u -> u.path("/api/courses").queryParam("q", "罕见讲师" + run).build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(COURSES / 40);

        // a learner's "my learning": three courses, two of eight lessons done in each, newest activity first
        String token = login("scale-" + run + "-1", CourseScaleSeed.PASSWORD);
        http.get().uri("/api/me/learning").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].percent").isEqualTo(25)
                .jsonPath("$.items[0].completedLessons").isEqualTo(2)
                .jsonPath("$.items[0].lastLessonTitle").isEqualTo("第4讲");
    }
}
