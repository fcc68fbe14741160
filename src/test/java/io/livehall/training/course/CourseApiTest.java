package io.livehall.training.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.training.TrainingTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** The course library end to end: organiser CRUD and its rules, roles, bad input, progress rules, resume, counts. */
class CourseApiTest extends TrainingTestSupport {

    private static final String HLS = "https://cdn.example.com/course/a.m3u8";
    private static final String MP4 = "https://cdn.example.com/course/b.MP4?sign=1";

    @Autowired
    FileStorage files;

    private long topic(Account who) {
        return id(send("POST", who.token(), "/api/organiser/courses/topics",
                Map.of("name", uniqueName("专题"), "position", 5)).expectStatus().isCreated());
    }

    private static Map<String, Object> course(long topicId, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("topicId", topicId);
        body.put("title", title);
        body.put("summary", "讲清申报条件与流程");
        body.put("lecturer", "李静 处长");
        return body;
    }

    private static Map<String, Object> lesson(String title, String url, Object seconds) {
        return Map.of("title", title, "videoUrl", url, "durationSeconds", seconds);
    }

    /** A published course of {@code lessons} lessons of {@code seconds} each; returns the course id and lesson ids. */
    private long[] published(Account org, long topicId, String title, int lessons, int seconds) {
        long courseId = id(send("POST", org.token(), "/api/organiser/courses", course(topicId, title)).expectStatus().isCreated());
        long[] ids = new long[lessons + 1];
        ids[0] = courseId;
        for (int i = 0; i < lessons; i++) {
            Map<?, ?> detail = send("POST", org.token(), "/api/organiser/courses/" + courseId + "/lessons",
                    lesson("第" + (i + 1) + "讲", HLS, seconds)).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            ids[i + 1] = ((Number) ((Map<?, ?>) ((List<?>) detail.get("lessons")).get(i)).get("id")).longValue();
        }
        send("POST", org.token(), "/api/organiser/courses/" + courseId + "/publish", null).expectStatus().isOk();
        return ids;
    }

    private WebTestClient.ResponseSpec report(Account who, long courseId, long lessonId, int position, int watched) {
        return send("PUT", who.token(), "/api/courses/" + courseId + "/lessons/" + lessonId + "/progress",
                Map.of("positionSeconds", position, "watchedSeconds", watched));
    }

    @Test
    void anOrganiserBuildsACourseAndPublishesItThenEveryoneFindsIt() {
        Account org = organiser("course-org");
        long topicId = topic(org);
        long cover = files.store(org.id(), FilePurpose.IMAGE, "c.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}).block().id();
        Map<String, Object> body = course(topicId, "数字化转型入门课");
        body.put("coverFileId", cover);
        long courseId = id(send("POST", org.token(), "/api/organiser/courses", body).expectStatus().isCreated());
        // unpublished: invisible to the public, and not publishable without a lesson
        send("GET", null, "/api/courses/" + courseId, null).expectStatus().isNotFound();
        send("POST", org.token(), "/api/organiser/courses/" + courseId + "/publish", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("课程还没有课时，不能发布");
        String lessons = "/api/organiser/courses/" + courseId + "/lessons";
        send("POST", org.token(), lessons, lesson("第一讲", HLS, 300)).expectStatus().isCreated();
        send("POST", org.token(), lessons, lesson("第二讲", MP4, 200)).expectStatus().isCreated();
        send("POST", org.token(), lessons, lesson("第三讲", "/demo/stream/course-60.m3u8", 60)).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.lessons.length()").isEqualTo(3)
                .jsonPath("$.lessons[1].videoKind").isEqualTo("MP4")
                .jsonPath("$.lessons[2].position").isEqualTo(2)
                .jsonPath("$.published").isEqualTo(false);
        send("POST", org.token(), "/api/organiser/courses/" + courseId + "/publish", null).expectStatus().isOk()
                .expectBody().jsonPath("$.published").isEqualTo(true).jsonPath("$.publishedAt").isNotEmpty();
        send("POST", org.token(), "/api/organiser/courses/" + courseId + "/publish", null).expectStatus().isEqualTo(409);

        send("GET", null, "/api/courses/" + courseId, null).expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("数字化转型入门课")
                .jsonPath("$.coverFileId").isEqualTo((int) cover)
                .jsonPath("$.lessons[0].title").isEqualTo("第一讲")
                .jsonPath("$.lessons[0].videoKind").isEqualTo("HLS")
                .jsonPath("$.learnerCount").isEqualTo(0)
                .jsonPath("$.resume").doesNotExist()
                .jsonPath("$.progress.length()").isEqualTo(0);
        send("GET", null, "/api/courses?topic=" + topicId, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].lessonCount").isEqualTo(3)
                .jsonPath("$.items[0].myProgress").doesNotExist();
        send("GET", null, "/api/courses/topics", null).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == " + topicId + ")].position").isEqualTo(5);

        // delete the middle lesson: the last one moves up; a published course keeps at least one lesson
        List<?> all = (List<?>) send("GET", org.token(), "/api/organiser/courses/" + courseId, null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("lessons");
        long second = ((Number) ((Map<?, ?>) all.get(1)).get("id")).longValue();
        send("DELETE", org.token(), lessons + "/" + second, null).expectStatus().isOk().expectBody()
                .jsonPath("$.lessons.length()").isEqualTo(2)
                .jsonPath("$.lessons[1].title").isEqualTo("第三讲")
                .jsonPath("$.lessons[1].position").isEqualTo(1);
        send("PUT", org.token(), "/api/organiser/courses/" + courseId, course(topicId, "数字化转型入门课（修订）"))
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("数字化转型入门课（修订）");

        // a published course cannot be deleted; unpublished and unlearned it can, and its topic then too
        send("DELETE", org.token(), "/api/organiser/courses/" + courseId, null).expectStatus().isEqualTo(409);
        send("DELETE", org.token(), "/api/organiser/courses/topics/" + topicId, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("专题下还有课程，不能删除");
        send("POST", org.token(), "/api/organiser/courses/" + courseId + "/unpublish", null).expectStatus().isOk();
        send("GET", null, "/api/courses/" + courseId, null).expectStatus().isNotFound();
        send("GET", org.token(), "/api/organiser/courses", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].published").isEqualTo(false);
        send("DELETE", org.token(), "/api/organiser/courses/" + courseId, null).expectStatus().isNoContent();
        send("DELETE", org.token(), "/api/organiser/courses/topics/" + topicId, null).expectStatus().isNoContent();
    }

    @Test
    void anotherOrganisersIdsAre404AViewerIs403AGuestIs401AndAnAdminMayEditAnything() {
        Account owner = organiser("course-own");
        Account other = organiser("course-oth");
        long topicId = topic(owner);
        long[] c = published(owner, topicId, "别人的课程", 1, 100);
        String base = "/api/organiser/courses/" + c[0];
        send("GET", other.token(), base, null).expectStatus().isNotFound();
        send("PUT", other.token(), base, course(topicId, "抢改")).expectStatus().isNotFound();
        send("DELETE", other.token(), base, null).expectStatus().isNotFound();
        send("POST", other.token(), base + "/unpublish", null).expectStatus().isNotFound();
        send("POST", other.token(), base + "/publish", null).expectStatus().isNotFound();
        send("POST", other.token(), base + "/lessons", lesson("x", HLS, 10)).expectStatus().isNotFound();
        send("PUT", other.token(), base + "/lessons/" + c[1], lesson("x", HLS, 10)).expectStatus().isNotFound();
        send("DELETE", other.token(), base + "/lessons/" + c[1], null).expectStatus().isNotFound();
        send("PUT", other.token(), "/api/organiser/courses/topics/" + topicId, Map.of("name", "抢改专题", "position", 1))
                .expectStatus().isNotFound();
        send("DELETE", other.token(), "/api/organiser/courses/topics/" + topicId, null).expectStatus().isNotFound();
        send("GET", other.token(), "/api/organiser/courses", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        // but anyone's topic is a shelf for my course; a lesson of another course is not this course's
        long mine = id(send("POST", other.token(), "/api/organiser/courses", course(topicId, "我的课程")).expectStatus().isCreated());
        send("PUT", other.token(), "/api/organiser/courses/" + mine + "/lessons/" + c[1], lesson("x", HLS, 10))
                .expectStatus().isNotFound();
        send("DELETE", other.token(), "/api/organiser/courses/" + mine + "/lessons/" + c[1], null).expectStatus().isNotFound();

        Account viewer = account("course-v");
        send("POST", viewer.token(), "/api/organiser/courses", course(topicId, "观众来建")).expectStatus().isForbidden();
        send("GET", viewer.token(), "/api/organiser/courses", null).expectStatus().isForbidden();
        send("POST", viewer.token(), "/api/organiser/courses/topics", Map.of("name", "观众专题", "position", 1)).expectStatus().isForbidden();
        send("POST", null, "/api/organiser/courses", course(topicId, "游客来建")).expectStatus().isUnauthorized();
        report(new Account(0, null), c[0], c[1], 0, 0).expectStatus().isUnauthorized();
        send("GET", null, "/api/me/learning", null).expectStatus().isUnauthorized();

        Account admin = account("course-adm", "VIEWER", "ADMIN");
        send("PUT", admin.token(), base + "/lessons/" + c[1], lesson("管理员改", MP4, 90)).expectStatus().isOk()
                .expectBody().jsonPath("$.lessons[0].title").isEqualTo("管理员改");
        send("PUT", admin.token(), "/api/organiser/courses/topics/" + topicId, Map.of("name", uniqueName("管"), "position", 9))
                .expectStatus().isOk().expectBody().jsonPath("$.position").isEqualTo(9);
        // a topic name is unique
        String taken = send("GET", null, "/api/courses/topics", null).expectBody(List.class).returnResult().getResponseBody()
                .stream().map(t -> (String) ((Map<?, ?>) t).get("name")).findFirst().orElseThrow().toString();
        send("POST", owner.token(), "/api/organiser/courses/topics", Map.of("name", taken, "position", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void badInputIsA400WithChineseFieldErrors() {
        Account org = organiser("course-bad");
        long topicId = topic(org);
        String topics = "/api/organiser/courses/topics";
        send("POST", org.token(), topics, Map.of("name", "坏\u0000专题", "position", 1)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        send("POST", org.token(), topics, Map.of("name", "长".repeat(21), "position", 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("专题名称最多 20 字");
        send("POST", org.token(), topics, Map.of("name", "排序", "position", 1000)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("position");
        send("POST", org.token(), topics, Map.of("name", "排序", "position", 99999999999L)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("java"));

        String courses = "/api/organiser/courses";
        send("POST", org.token(), courses, course(topicId, "坏\u0000课程")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        send("POST", org.token(), courses, course(topicId, "长".repeat(101))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("课程名称最多 100 字");
        Map<String, Object> b = course(topicId, "简介");
        b.put("summary", "长".repeat(2001));
        send("POST", org.token(), courses, b).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("summary");
        b.put("summary", "第一行\n第二行\u202E");
        send("POST", org.token(), courses, b).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("summary");
        b = course(topicId, "讲师");
        b.put("lecturer", " ");
        send("POST", org.token(), courses, b).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lecturer");
        b.put("lecturer", "长".repeat(51));
        send("POST", org.token(), courses, b).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lecturer");
        send("POST", org.token(), courses, course(999_999_999L, "没有专题")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("topicId");
        send("POST", org.token(), courses, course(99999999999999999L, "溢出")).expectStatus().isBadRequest();
        b = course(topicId, "封面");
        b.put("coverFileId", 999_999_999L);
        send("POST", org.token(), courses, b).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("coverFileId");
        long pdf = files.store(org.id(), FilePurpose.DOCUMENT, "a.pdf", "application/pdf", "%PDF-1.4".getBytes()).block().id();
        b.put("coverFileId", pdf);
        send("POST", org.token(), courses, b).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("封面需为已上传的图片");

        long courseId = id(send("POST", org.token(), courses, course(topicId, "课时校验")).expectStatus().isCreated());
        String lessons = courses + "/" + courseId + "/lessons";
        for (String url : List.of("javascript:alert(1)", "http://cdn.example.com/a.m3u8", "https://cdn.example.com/a.flv",
                "//cdn.example.com/a.m3u8", "https://user:pw@cdn.example.com/a.mp4", "https://cdn.example.com/a.m3u8 x",
                "https://cdn.example.com/" + "a".repeat(500) + ".mp4")) {
            send("POST", org.token(), lessons, lesson("课", url, 60)).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("videoUrl");
        }
        send("POST", org.token(), lessons, lesson("课\u0007", HLS, 60)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        send("POST", org.token(), lessons, lesson("课", HLS, 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("时长至少 1 秒");
        send("POST", org.token(), lessons, lesson("课", HLS, 86401)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("时长最多 24 小时");
        send("POST", org.token(), lessons, lesson("课", HLS, 99999999999L)).expectStatus().isBadRequest();

        // public reads: the list's filters and paging, and ids that are no course
        send("GET", null, "/api/courses?q=" + "长".repeat(51), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri(u -> u.path("/api/courses").queryParam("q", "a\u0000b").build()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        send("GET", null, "/api/courses?sort=cheapest", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        send("GET", null, "/api/courses?after=abc", null).expectStatus().isBadRequest();
        send("GET", null, "/api/courses?sort=learners&after=12", null).expectStatus().isBadRequest();
        send("GET", null, "/api/courses?topic=x", null).expectStatus().isBadRequest();
        send("GET", null, "/api/courses/999999999", null).expectStatus().isNotFound();
        send("GET", null, "/api/courses/99999999999999999999", null).expectStatus().isBadRequest();
        Account viewer = account("course-badv");
        send("GET", viewer.token(), "/api/me/learning?after=yesterday", null).expectStatus().isBadRequest();

        // progress: position past the end, negative, missing, overflowing; unknown or foreign lessons
        long[] c = published(org, topicId, "进度校验", 1, 100);
        long[] d = published(org, topicId, "另一门", 1, 100);
        report(viewer, c[0], c[1], 101, 0).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("positionSeconds");
        report(viewer, c[0], c[1], -1, 0).expectStatus().isBadRequest();
        report(viewer, c[0], c[1], 0, -5).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("watchedSeconds");
        send("PUT", viewer.token(), "/api/courses/" + c[0] + "/lessons/" + c[1] + "/progress", Map.of("positionSeconds", 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("watchedSeconds");
        send("PUT", viewer.token(), "/api/courses/" + c[0] + "/lessons/" + c[1] + "/progress",
                Map.of("positionSeconds", 99999999999L, "watchedSeconds", 1)).expectStatus().isBadRequest();
        report(viewer, c[0], d[1], 1, 1).expectStatus().isNotFound();
        report(viewer, 999_999_999L, c[1], 1, 1).expectStatus().isNotFound();
        send("POST", org.token(), courses + "/" + d[0] + "/unpublish", null).expectStatus().isOk();
        report(viewer, d[0], d[1], 1, 1).expectStatus().isNotFound();
        assertThat(db.sql("select count(*) as n from course_lesson_progress where user_id = :u").bind("u", viewer.id())
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void progressIsCreditedByWallClockCompletesAt90PercentAndTheCoursePageResumes() {
        Account org = organiser("course-prog");
        long topicId = topic(org);
        long[] c = published(org, topicId, "进度规则", 2, 100);
        Account learner = account("course-l");
        clock.set(clock.instant());

        // one request cannot complete a lesson: the first report is credited at most 15 s
        report(learner, c[0], c[1], 95, 100).expectStatus().isOk().expectBody()
                .jsonPath("$.lesson.watchedSeconds").isEqualTo(15)
                .jsonPath("$.lesson.completed").isEqualTo(false)
                .jsonPath("$.course.completedLessons").isEqualTo(0);
        // nor a burst: no time has passed, 2 s of slack
        report(learner, c[0], c[1], 95, 100).expectStatus().isOk().expectBody().jsonPath("$.lesson.watchedSeconds").isEqualTo(17);
        clock.advance(Duration.ofSeconds(10));
        report(learner, c[0], c[1], 30, 100).expectStatus().isOk().expectBody()
                .jsonPath("$.lesson.watchedSeconds").isEqualTo(39) // 17 + 10 s at up to double speed + 2 s
                .jsonPath("$.lesson.positionSeconds").isEqualTo(30);
        clock.advance(Duration.ofSeconds(10));
        send("GET", learner.token(), "/api/courses/" + c[0], null).expectStatus().isOk().expectBody()
                .jsonPath("$.learnerCount").isEqualTo(1)
                .jsonPath("$.resume.lessonId").isEqualTo((int) c[1])
                .jsonPath("$.resume.positionSeconds").isEqualTo(30)
                .jsonPath("$.progress[0].watchedSeconds").isEqualTo(39)
                .jsonPath("$.myProgress.completedLessons").isEqualTo(0);
        clock.advance(Duration.ofSeconds(30));
        // 90 of 100 s: complete; the learner watched to the end
        report(learner, c[0], c[1], 100, 90).expectStatus().isOk().expectBody()
                .jsonPath("$.lesson.watchedSeconds").isEqualTo(90)
                .jsonPath("$.lesson.completed").isEqualTo(true)
                .jsonPath("$.course.completedLessons").isEqualTo(1)
                .jsonPath("$.course.percent").isEqualTo(50);
        // watched time never goes down, completion stays, and is counted once
        clock.advance(Duration.ofSeconds(10));
        report(learner, c[0], c[1], 100, 3).expectStatus().isOk().expectBody()
                .jsonPath("$.lesson.watchedSeconds").isEqualTo(90)
                .jsonPath("$.lesson.completed").isEqualTo(true)
                .jsonPath("$.course.completedLessons").isEqualTo(1);
        // finished at its end: the page resumes at the next lesson's start
        send("GET", learner.token(), "/api/courses/" + c[0], null).expectStatus().isOk().expectBody()
                .jsonPath("$.resume.lessonId").isEqualTo((int) c[2])
                .jsonPath("$.resume.positionSeconds").isEqualTo(0);
        report(learner, c[0], c[2], 12, 10).expectStatus().isOk();
        send("GET", learner.token(), "/api/courses/" + c[0], null).expectStatus().isOk().expectBody()
                .jsonPath("$.resume.lessonId").isEqualTo((int) c[2])
                .jsonPath("$.resume.positionSeconds").isEqualTo(12)
                .jsonPath("$.learnerCount").isEqualTo(1);
        send("GET", learner.token(), "/api/courses?topic=" + topicId, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].myProgress.percent").isEqualTo(50)
                .jsonPath("$.items[0].myProgress.lastLessonId").isEqualTo((int) c[2]);
        send("GET", learner.token(), "/api/me/learning", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].courseId").isEqualTo((int) c[0])
                .jsonPath("$.items[0].percent").isEqualTo(50)
                .jsonPath("$.items[0].completedLessons").isEqualTo(1)
                .jsonPath("$.items[0].lastLessonTitle").isEqualTo("第2讲");
        // a lesson someone learns cannot be deleted
        send("DELETE", org.token(), "/api/organiser/courses/" + c[0] + "/lessons/" + c[1], null).expectStatus().isEqualTo(409);
        // someone who has not started resumes at the first lesson
        Account fresh = account("course-f");
        send("GET", fresh.token(), "/api/courses/" + c[0], null).expectStatus().isOk().expectBody()
                .jsonPath("$.resume.lessonId").isEqualTo((int) c[1])
                .jsonPath("$.resume.positionSeconds").isEqualTo(0)
                .jsonPath("$.myProgress").doesNotExist();
    }

    @Test
    void concurrentFirstReportsCountEachLearnerOnceAndMyLearningPagesByLastActivity() {
        Account org = organiser("course-race");
        long topicId = topic(org);
        long[] c = published(org, topicId, "并发计数", 3, 100);
        List<Account> learners = Flux.range(0, 12).map(i -> account("course-r")).collectList().block();
        WebClient client = WebClient.create("http://localhost:" + port);
        // every learner's first reports, three lessons each, twice over, all at once
        Flux.fromIterable(learners)
                .flatMap(a -> Flux.range(0, 6).map(i -> c[1 + i % 3]).map(lessonId -> Map.entry(a, lessonId)))
                .flatMap(e -> client.put().uri("/api/courses/" + c[0] + "/lessons/" + e.getValue() + "/progress")
                        .header("Authorization", "Bearer " + e.getKey().token())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("positionSeconds", 5, "watchedSeconds", 5))
                        .retrieve().toBodilessEntity(), 72)
                .blockLast(Duration.ofSeconds(60));
        send("GET", null, "/api/courses/" + c[0], null).expectStatus().isOk().expectBody()
                .jsonPath("$.learnerCount").isEqualTo(12);
        assertThat(db.sql("select count(*) as n from course_learner where course_id = :c").bind("c", c[0])
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(12);
        assertThat(db.sql("select count(*) as n from course_lesson_progress where course_id = :c").bind("c", c[0])
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(36);

        // my learning: newest activity first, keyset-paged
        Account me = learners.get(0);
        long[] d = published(org, topicId, "第二门", 1, 100);
        long[] e = published(org, topicId, "第三门", 1, 100);
        clock.set(clock.instant().plusSeconds(60));
        report(me, d[0], d[1], 1, 1).expectStatus().isOk();
        clock.advance(Duration.ofSeconds(60));
        report(me, e[0], e[1], 1, 1).expectStatus().isOk();
        Map<?, ?> first = send("GET", me.token(), "/api/me/learning?limit=2", null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<?> items = (List<?>) first.get("items");
        assertThat(items).extracting(i -> ((Number) ((Map<?, ?>) i).get("courseId")).longValue()).containsExactly(e[0], d[0]);
        assertThat(first.get("next")).isNotNull();
        send("GET", me.token(), "/api/me/learning?limit=2&after=" + first.get("next"), null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].courseId").isEqualTo((int) c[0])
                .jsonPath("$.next").doesNotExist();
        // the library sorted by learners: this course (12) before the others (1), keyset-paged
        send("GET", null, "/api/courses?sort=learners&limit=1&topic=" + topicId, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo((int) c[0])
                .jsonPath("$.next").isEqualTo("12_" + c[0]);
        send("GET", null, "/api/courses?sort=learners&limit=5&topic=" + topicId + "&after=12_" + c[0], null).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.items[0].id").isEqualTo((int) e[0]);
        // search: by title (three or more characters) and by two characters of the lecturer
        send("GET", null, "/api/courses?topic=" + topicId + "&q=并发计", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo((int) c[0]);
        send("GET", null, "/api/courses?topic=" + topicId + "&q=李静", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3);
        // LIKE's wildcards are plain characters
        http.get().uri(u -> u.path("/api/courses").queryParam("topic", topicId).queryParam("q", "%_%").build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }
}
