package io.livehall.training.course;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.error.ApiProblem;
import io.livehall.training.course.CourseRepository.CourseRow;
import io.livehall.training.course.CourseViews.Lesson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Published courses with their lessons, kept in memory for {@link #TTL}: a course page is read far more often than a
 * course changes, and reading it is two statements every learner's page would repeat. Changes made through this
 * instance (organiser edits, a new learner's count) evict at once; another instance's show within {@link #TTL}.
 * PostgreSQL stays the truth; at most {@link #MAX_ENTRIES} courses are kept (past that the map starts over).
 */
@Component
class PublishedCourses {

    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 2_000;

    /** A published course and its lessons in order. */
    record Published(CourseRow course, List<Lesson> lessons) {
    }

    private final CourseRepository courses;
    private final Map<Long, Mono<Published>> cache = new ConcurrentHashMap<>();

    PublishedCourses(CourseRepository courses) {
        this.courses = courses;
    }

    /** The published course; 404 when there is none or it is not published (not kept). */
    Mono<Published> get(long id) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        return cache.computeIfAbsent(id, this::load)
                .switchIfEmpty(Mono.defer(() -> {
                    cache.remove(id);
                    return Mono.error(ApiProblem.notFound("课程"));
                }));
    }

    void evict(long id) {
        cache.remove(id);
    }

    private Mono<Published> load(long id) {
        return courses.course(id).filter(CourseRow::published)
                .flatMap(c -> courses.lessons(id).collectList().map(lessons -> new Published(c, lessons)))
                // an answer is kept for TTL; an error or "none" is not
                .cache(p -> TTL, e -> Duration.ZERO, () -> Duration.ZERO);
    }
}
