package io.livehall.training.course;

import java.time.Duration;
import java.util.List;

import io.livehall.common.cache.NearCache;
import io.livehall.common.cache.NearCaches;
import io.livehall.common.error.ApiProblem;
import io.livehall.training.course.CourseRepository.CourseRow;
import io.livehall.training.course.CourseViews.Lesson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Published courses with their lessons, the public part of a course page, kept near ({@link NearCache}
 * {@value #CACHE}, per instance, at most {@link #MAX_ENTRIES}): a course page is read far more often than a course
 * changes, and reading it is two statements every learner's page would repeat. Changes (organiser edits of the course,
 * its lessons or a topic, publishing, a new learner's count) evict it after they are committed, here at once and on
 * every other instance by the announcement ({@link NearCaches}). What no change here evicts (the organiser's display
 * name) shows within {@link #TTL}. PostgreSQL stays the truth.
 */
@Component
class PublishedCourses {

    static final String CACHE = "course-published";
    static final Duration TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 2_000;

    /** A published course and its lessons in order. */
    record Published(CourseRow course, List<Lesson> lessons) {
    }

    private final CourseRepository courses;
    private final NearCaches near;
    private final NearCache<Published> cache;

    PublishedCourses(CourseRepository courses, NearCaches near) {
        this.courses = courses;
        this.near = near;
        this.cache = near.create(CACHE, MAX_ENTRIES, TTL);
    }

    /** The published course; 404 when there is none or it is not published (not kept). */
    Mono<Published> get(long id) {
        return cache.get(Long.toString(id), () -> load(id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("课程")));
    }

    /** The course changed (committed): forgotten here and on every instance. */
    Mono<Void> evict(long id) {
        return near.evict(cache, Long.toString(id));
    }

    /** Something every course page shows changed (a topic's name): all forgotten, everywhere. */
    Mono<Void> evictAll() {
        return near.clear(cache);
    }

    private Mono<Published> load(long id) {
        return courses.course(id).filter(CourseRow::published)
                .flatMap(c -> courses.lessons(id).collectList().map(lessons -> new Published(c, List.copyOf(lessons))));
    }
}
