package io.livehall.training.course;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.training.course.CourseProgressRules.After;
import io.livehall.training.course.CourseViews.ProgressAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A learner's progress reports. One transaction writes the lesson's progress, the learner's course row and (on their
 * first report in the course) the course's learner count, so "my learning" and the counts never disagree with the
 * progress they summarise; the learner is told only after the commit and after the learner's kept pages (and, for a
 * new learner, the course's) were evicted on every instance ({@link LearnerPages}, {@link PublishedCourses}). A report
 * whose client goes away meanwhile still commits and evicts: a commit without its eviction would leave a stale page.
 */
@Service
class CourseProgressService {

    private final CourseRepository courses;
    private final LearningRepository learning;
    private final PublishedCourses published;
    private final LearnerPages learnerPages;
    private final TransactionalOperator tx;
    private final Clock clock;

    CourseProgressService(CourseRepository courses, LearningRepository learning, PublishedCourses published,
                          LearnerPages learnerPages, TransactionalOperator tx, Clock clock) {
        this.courses = courses;
        this.learning = learning;
        this.published = published;
        this.learnerPages = learnerPages;
        this.tx = tx;
        this.clock = clock;
    }

    /** 404 for a course that is not published or a lesson not of it; 400 for a position past the lesson's end. */
    Mono<ProgressAnswer> report(long userId, long courseId, long lessonId, ProgressRequest r) {
        // at the database's precision: the next report's elapsed time is measured from the stored instant
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return courses.course(courseId).filter(CourseRepository.CourseRow::published)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("课程")))
                .zipWith(courses.lesson(courseId, lessonId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("课时"))))
                .flatMap(t -> {
                    int duration = t.getT2().durationSeconds();
                    if (r.positionSeconds() > duration) {
                        return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                                List.of(new FieldProblem("positionSeconds", "播放位置超出课时时长"))));
                    }
                    AtomicBoolean counted = new AtomicBoolean();
                    Mono<ProgressAnswer> write = tx.transactional(learning.enrol(userId, courseId, lessonId, now)
                            .doOnNext(counted::set)
                            .then(learning.lockProgress(userId, courseId, lessonId, now))
                            .flatMap(locked -> {
                                After after = CourseProgressRules.credit(locked.first() ? null : locked.before(),
                                        r.positionSeconds(), r.watchedSeconds(), duration, now);
                                return learning.saveProgress(userId, courseId, lessonId, after, now)
                                        .flatMap(lesson -> learning.touch(userId, courseId, lessonId, after.completedNow(),
                                                t.getT1().lessonCount(), now).map(course -> new ProgressAnswer(lesson, course)));
                            }))
                            // committed: the learner's pages (and for a new learner the course's count) show it at once
                            .flatMap(answer -> learnerPages.progressed(userId, courseId)
                                    .then(counted.get() ? published.evict(courseId) : Mono.empty())
                                    .thenReturn(answer));
                    return Mono.fromFuture(write.toFuture(), true);
                });
    }
}
