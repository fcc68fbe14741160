package io.livehall.training.course;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.livehall.common.cache.NearCache;
import io.livehall.common.cache.NearCaches;
import io.livehall.common.paging.Page;
import io.livehall.training.course.CourseViews.LearningItem;
import io.livehall.training.course.LearningRepository.Mine;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A learner's own reads kept near ({@link NearCache}, per instance): their part of a course page ({@value #MINE},
 * key {@code <user>:<course>}) and the first page of "my learning" ({@value #LEARNING}, key {@code <user>}, in the
 * page size last asked for). A learner reads these far more often than they change them, and a kept answer costs no
 * PostgreSQL round trip.
 * <p>
 * Evicted after the change is committed, here at once and on every other instance by the announcement
 * ({@link NearCaches}): the learner's progress report evicts both of theirs; a change to a course, its lessons or a
 * topic (titles shown on "my learning") empties {@value #LEARNING} everywhere. The learner's part of a course page
 * depends on the course only through its lesson count, and the percentage is computed again from the course as it
 * is now on every read ({@link CourseQueries}). {@link #TTL} only bounds what a lost announcement could leave.
 */
@Component
class LearnerPages {

    static final String MINE = "course-mine";
    static final String LEARNING = "course-learning";
    static final Duration TTL = Duration.ofMinutes(1);

    /** The first page of "my learning" as answered for one page size. */
    private record FirstPage(int size, Page<LearningItem> page) {
    }

    private final NearCaches near;
    private final NearCache<Optional<Mine>> mine;
    private final NearCache<FirstPage> learning;

    LearnerPages(NearCaches near) {
        this.near = near;
        this.mine = near.create(MINE, 20_000, TTL);
        this.learning = near.create(LEARNING, 10_000, TTL);
    }

    /** The learner's part of a course page (empty when they have not started it). */
    Mono<Optional<Mine>> mine(long userId, long courseId, Supplier<Mono<Optional<Mine>>> load) {
        return mine.get(userId + ":" + courseId, load);
    }

    /** The first page of the learner's "my learning" of {@code size} items (the size last asked for is kept). */
    Mono<Page<LearningItem>> firstPage(long userId, int size, Supplier<Mono<Page<LearningItem>>> load) {
        return learning.get(Long.toString(userId), first -> first.size() == size,
                        () -> load.get().map(p -> new FirstPage(size, new Page<>(List.copyOf(p.items()), p.next()))))
                .map(FirstPage::page);
    }

    /** The learner reported progress in the course (committed): their kept pages go, on every instance. */
    Mono<Void> progressed(long userId, long courseId) {
        return Mono.when(near.evict(mine, userId + ":" + courseId), near.evict(learning, Long.toString(userId)));
    }

    /** A course, a lesson or a topic changed (committed): every kept "my learning" goes, on every instance. */
    Mono<Void> coursesChanged() {
        return near.clear(learning);
    }
}
