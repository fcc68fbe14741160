package io.livehall.training.course;

import java.util.List;
import java.util.Optional;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.common.text.TextRules;
import io.livehall.training.course.CourseRepository.CourseRow;
import io.livehall.training.course.CourseViews.CourseCard;
import io.livehall.training.course.CourseViews.CourseDetail;
import io.livehall.training.course.CourseViews.Lesson;
import io.livehall.training.course.CourseViews.LearningItem;
import io.livehall.training.course.CourseViews.LessonProgress;
import io.livehall.training.course.CourseViews.MyCourseProgress;
import io.livehall.training.course.CourseViews.Resume;
import io.livehall.training.course.CourseViews.Topic;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the library: the list with topic, search and sort, the topics, a course page, "my learning". */
@Component
class CourseQueries {

    static final int MAX_QUERY = 50;

    private final CourseRepository courses;
    private final LearningRepository learning;
    private final PublishedCourses publishedCourses;
    private final LearnerPages learnerPages;

    CourseQueries(CourseRepository courses, LearningRepository learning, PublishedCourses publishedCourses,
                  LearnerPages learnerPages) {
        this.courses = courses;
        this.learning = learning;
        this.publishedCourses = publishedCourses;
        this.learnerPages = learnerPages;
    }

    Flux<Topic> topics() {
        return courses.topics();
    }

    /** One page of the public library ({@code userId} adds the learner's own standing per course). */
    Mono<Page<CourseCard>> library(String after, Integer limit, Long topicId, String q, String sort, Long userId) {
        CourseSort order = CourseSort.of(sort);
        CourseListQuery query = new CourseListQuery(false, null, topicId, text(q), order, CourseCursor.parse(after, order));
        return page(query, limit, userId);
    }

    Mono<Page<CourseCard>> page(CourseListQuery query, Integer limit, Long userId) {
        int size = PageRequest.of(null, limit).limit();
        return courses.list(query, size, userId).collectList()
                .map(items -> Page.of(items, size, c -> CourseCursor.of(query.sort(), c.learnerCount(), c.id())));
    }

    /**
     * A published course's page; 404 when there is none or it is not published. The course and its lessons come from
     * {@link PublishedCourses}, the learner's part (one statement) from {@link LearnerPages}: both kept near.
     */
    Mono<CourseDetail> published(long id, Long userId) {
        return publishedCourses.get(id).flatMap(c -> {
            if (userId == null) {
                return Mono.just(detail(c.course(), c.lessons(), List.of(), null, null));
            }
            return learnerPages.mine(userId, id, () -> learning.mine(userId, id, c.course().lessonCount())
                            .map(Optional::of).defaultIfEmpty(Optional.empty()))
                    .map(mine -> withMine(c.course(), c.lessons(), mine.orElse(null)));
        });
    }

    /** A course with its lessons (the organiser's view: no learner's part). */
    Mono<CourseDetail> detail(CourseRow c) {
        return courses.lessons(c.id()).collectList().map(lessons -> detail(c, lessons, List.of(), null, null));
    }

    /** The page with the learner's progress and where to resume ({@code mine} null: not started). */
    private static CourseDetail withMine(CourseRow c, List<Lesson> lessons, LearningRepository.Mine mine) {
        if (mine == null) {
            return detail(c, lessons, List.of(), null, resume(lessons, List.of(), null));
        }
        MyCourseProgress s = mine.standing();
        // the percentage of the course as it is now (a kept answer may predate a new lesson)
        MyCourseProgress standing = new MyCourseProgress(s.completedLessons(),
                CourseViews.percent(s.completedLessons(), c.lessonCount()), s.lastLessonId(), s.lastActivityAt());
        return detail(c, lessons, mine.progress(), standing, resume(lessons, mine.progress(), standing));
    }

    /**
     * Where a learner picks up: the last lesson they played at its saved second, unless they completed it and
     * played it to its end, then the next lesson not completed; someone new starts at the first lesson.
     */
    static Resume resume(List<Lesson> lessons, List<LessonProgress> progress, MyCourseProgress mine) {
        if (lessons.isEmpty()) {
            return null;
        }
        if (mine == null || mine.lastLessonId() == null) {
            return new Resume(lessons.get(0).id(), 0);
        }
        LessonProgress last = progress.stream().filter(p -> p.lessonId() == mine.lastLessonId()).findFirst().orElse(null);
        Lesson lastLesson = lessons.stream().filter(l -> l.id() == mine.lastLessonId()).findFirst().orElse(null);
        if (last == null || lastLesson == null) {
            return new Resume(lessons.get(0).id(), 0);
        }
        boolean atEnd = last.completed() && last.positionSeconds() >= lastLesson.durationSeconds() - 1;
        if (!atEnd) {
            return new Resume(last.lessonId(), last.positionSeconds());
        }
        for (int i = lessons.indexOf(lastLesson) + 1; i < lessons.size(); i++) {
            long next = lessons.get(i).id();
            LessonProgress p = progress.stream().filter(x -> x.lessonId() == next).findFirst().orElse(null);
            if (p == null || !p.completed()) {
                return new Resume(next, p == null ? 0 : p.positionSeconds());
            }
        }
        return new Resume(last.lessonId(), 0); // all done: watch the last one again from its start
    }

    /** "My learning"; its first page is kept near ({@link LearnerPages}). */
    Mono<Page<LearningItem>> myLearning(long userId, String after, Integer limit) {
        int size = PageRequest.of(null, limit).limit();
        CourseCursor cursor = CourseCursor.parseActivity(after);
        if (cursor == null) {
            return learnerPages.firstPage(userId, size, () -> learningPage(userId, null, size));
        }
        return learningPage(userId, cursor, size);
    }

    private Mono<Page<LearningItem>> learningPage(long userId, CourseCursor cursor, int size) {
        return learning.myLearning(userId, cursor, size).collectList()
                .map(items -> Page.of(items, size, i -> CourseCursor.ofActivity(i.lastActivityAt(), i.courseId())));
    }

    private static CourseDetail detail(CourseRow c, List<Lesson> lessons, List<LessonProgress> progress,
                                       MyCourseProgress mine, Resume resume) {
        return new CourseDetail(c.id(), c.topicId(), c.topic(), c.title(), c.summary(), c.lecturer(), c.coverFileId(),
                c.published(), c.publishedAt(), c.learnerCount(), c.organiserId(), c.organiser(), c.createdAt(),
                c.updatedAt(), lessons, progress, mine, resume);
    }

    /** {@code ?q=}: null when blank, else one line of at most {@link #MAX_QUERY} characters (400 naming {@code q}). */
    static String text(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String v = TextRules.requireLine("q", q.strip());
        if (v.codePointCount(0, v.length()) > MAX_QUERY) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                    List.of(new FieldProblem("q", "搜索词不能超过 " + MAX_QUERY + " 个字")));
        }
        return v;
    }
}
