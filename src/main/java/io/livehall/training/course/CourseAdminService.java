package io.livehall.training.course;

import java.time.Clock;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.common.paging.Page;
import io.livehall.training.TrainingStaff;
import io.livehall.training.course.CourseRepository.CourseRow;
import io.livehall.training.course.CourseViews.CourseCard;
import io.livehall.training.course.CourseViews.CourseDetail;
import io.livehall.training.course.CourseViews.Topic;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The organiser's side of the library: topics, courses and their lessons, publishing. An organiser touches only what
 * they created (someone else's answers 404, as if it did not exist); an admin touches anything. What learners depend
 * on is kept: a published course keeps a lesson, a lesson someone has progress in and a course someone learned stay
 * (unpublish instead), a topic with courses stays.
 */
@Service
class CourseAdminService {

    private final CourseRepository courses;
    private final CourseQueries queries;
    private final PublishedCourses published;
    private final LearnerPages learnerPages;
    private final FileStorage files;
    private final TransactionalOperator tx;
    private final Clock clock;

    CourseAdminService(CourseRepository courses, CourseQueries queries, PublishedCourses published,
                       LearnerPages learnerPages, FileStorage files, TransactionalOperator tx, Clock clock) {
        this.courses = courses;
        this.queries = queries;
        this.published = published;
        this.learnerPages = learnerPages;
        this.files = files;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- topics

    Mono<Topic> createTopic(TrainingStaff who, TopicRequest r) {
        return courses.insertTopic(who.userId(), r).onErrorMap(DataIntegrityViolationException.class, e -> duplicateTopic())
                .flatMap(courses::topic);
    }

    /** A renamed topic shows on every course page and "my learning" at once (their kept copies go everywhere). */
    Mono<Topic> editTopic(TrainingStaff who, long id, TopicRequest r) {
        return ownTopic(who, id).flatMap(t -> courses.updateTopic(id, r))
                .onErrorMap(DataIntegrityViolationException.class, e -> duplicateTopic())
                .then(Mono.defer(() -> published.evictAll().then(learnerPages.coursesChanged()).then(courses.topic(id))));
    }

    Mono<Void> deleteTopic(TrainingStaff who, long id) {
        return ownTopic(who, id).flatMap(t -> courses.deleteEmptyTopic(id))
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new ApiProblem(HttpStatus.CONFLICT,
                        "course-topic-in-use", "专题下还有课程，不能删除")));
    }

    // ---- courses

    Mono<Page<CourseCard>> mine(TrainingStaff who, String after, Integer limit) {
        CourseListQuery q = new CourseListQuery(true, who.admin() ? null : who.userId(), null, null, CourseSort.NEWEST,
                CourseCursor.parse(after, CourseSort.NEWEST));
        return queries.page(q, limit, null);
    }

    Mono<CourseDetail> course(TrainingStaff who, long id) {
        return own(who, id).flatMap(queries::detail);
    }

    /**
     * After a change: course pages and "my learning" show it at once on every instance (their kept copies go:
     * PublishedCourses, LearnerPages), then the organiser's view.
     */
    private Mono<CourseDetail> changed(TrainingStaff who, long id) {
        return published.evict(id).then(learnerPages.coursesChanged()).then(Mono.defer(() -> course(who, id)));
    }

    Mono<CourseDetail> create(TrainingStaff who, CourseRequest r) {
        return check(r).then(courses.insertCourse(who.userId(), r)).flatMap(id -> changed(who, id));
    }

    Mono<CourseDetail> edit(TrainingStaff who, long id, CourseRequest r) {
        return own(who, id).flatMap(c -> check(r).then(courses.updateCourse(id, r))).then(Mono.defer(() -> changed(who, id)));
    }

    Mono<CourseDetail> publish(TrainingStaff who, long id) {
        return own(who, id).flatMap(c -> courses.publish(id, clock.instant()).flatMap(rows -> rows == 1 ? Mono.just(c)
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "course-state",
                                c.published() ? "课程已发布" : "课程还没有课时，不能发布"))))
                .then(Mono.defer(() -> changed(who, id)));
    }

    Mono<CourseDetail> unpublish(TrainingStaff who, long id) {
        return own(who, id).flatMap(c -> courses.unpublish(id, clock.instant()).flatMap(rows -> rows == 1 ? Mono.just(c)
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "course-state", "课程未发布"))))
                .then(Mono.defer(() -> changed(who, id)));
    }

    Mono<Void> delete(TrainingStaff who, long id) {
        return own(who, id).flatMap(c -> courses.deleteUnlearned(id))
                .flatMap(rows -> published.evict(id).thenReturn(rows))
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new ApiProblem(HttpStatus.CONFLICT,
                        "course-state", "已发布或已有学员的课程不能删除，请先下架")));
    }

    // ---- lessons

    Mono<CourseDetail> addLesson(TrainingStaff who, long id, LessonRequest r) {
        return own(who, id).flatMap(c -> tx.transactional(courses.appendLesson(id, r)))
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "course-lessons-full", "每门课程最多 200 个课时")))
                .then(Mono.defer(() -> changed(who, id)));
    }

    Mono<CourseDetail> editLesson(TrainingStaff who, long id, long lessonId, LessonRequest r) {
        return own(who, id).flatMap(c -> courses.updateLesson(id, lessonId, r))
                .flatMap(rows -> rows == 1 ? changed(who, id) : Mono.error(ApiProblem.notFound("课时")));
    }

    Mono<CourseDetail> deleteLesson(TrainingStaff who, long id, long lessonId) {
        return own(who, id).flatMap(c -> courses.lesson(id, lessonId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("课时"))))
                .flatMap(l -> tx.transactional(courses.deleteUnwatchedLesson(id, lessonId)))
                .flatMap(rows -> rows > 0 ? changed(who, id) : Mono.error(new ApiProblem(HttpStatus.CONFLICT,
                        "course-lesson-in-use", "已有学员学习的课时不能删除；已发布的课程至少保留一个课时")));
    }

    /** The organiser's course; 404 when there is none or it is someone else's. */
    private Mono<CourseRow> own(TrainingStaff who, long id) {
        return courses.course(id).filter(c -> who.runs(c.organiserId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("课程")));
    }

    private Mono<Topic> ownTopic(TrainingStaff who, long id) {
        return courses.topic(id).filter(t -> who.runs(t.organiserId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("专题")));
    }

    /** The topic exists (any organiser's: topics are the library's shelves) and the cover is an uploaded image. */
    private Mono<Void> check(CourseRequest r) {
        Mono<Boolean> topic = courses.topic(r.topicId()).hasElement();
        Mono<Boolean> cover = r.coverFileId() == null ? Mono.just(true)
                : files.describe(r.coverFileId()).map(f -> f.purpose() == FilePurpose.IMAGE).defaultIfEmpty(false);
        return Mono.zip(topic, cover).flatMap(t -> {
            List<FieldProblem> problems = new java.util.ArrayList<>();
            if (!t.getT1()) {
                problems.add(new FieldProblem("topicId", "专题不存在"));
            }
            if (!t.getT2()) {
                problems.add(new FieldProblem("coverFileId", "封面需为已上传的图片"));
            }
            return problems.isEmpty() ? Mono.<Void>empty()
                    : Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems));
        });
    }

    private static ApiProblem duplicateTopic() {
        return ApiProblem.conflict("course-topic-exists", "name", "已有同名专题");
    }
}
