package io.livehall.training.course;

import java.time.Instant;
import java.util.List;

/** What the course endpoints answer (docs/api.md "Course library"). */
final class CourseViews {

    private CourseViews() {
    }

    /** A topic chip of the library. */
    record Topic(long id, String name, int position, long organiserId) {
    }

    /** A course in the library; {@code myProgress} only for a logged-in learner of it (null otherwise). */
    record CourseCard(long id, long topicId, String topic, String title, String summary, String lecturer,
                      Long coverFileId, int lessonCount, int learnerCount, boolean published, Instant createdAt,
                      MyCourseProgress myProgress) {
    }

    /** One learner's standing in one course. */
    record MyCourseProgress(int completedLessons, int percent, Long lastLessonId, Instant lastActivityAt) {
    }

    /** A lesson; {@code videoKind} HLS or MP4 tells the player how to play it. */
    record Lesson(long id, int position, String title, String videoUrl, VideoKind videoKind, int durationSeconds) {
    }

    /** A learner's progress in one lesson. */
    record LessonProgress(long lessonId, int positionSeconds, int watchedSeconds, boolean completed, Instant updatedAt) {
    }

    /** Where the page resumes: the lesson and the second in it. */
    record Resume(long lessonId, int positionSeconds) {
    }

    /**
     * A course page: its lessons in order and, for a logged-in learner, their progress per lesson (only lessons they
     * have started) and where to resume (null for a guest; the first lesson at 0 s for someone who has not started).
     */
    record CourseDetail(long id, long topicId, String topic, String title, String summary, String lecturer,
                        Long coverFileId, boolean published, Instant publishedAt, int learnerCount, long organiserId,
                        String organiser, Instant createdAt, Instant updatedAt, List<Lesson> lessons,
                        List<LessonProgress> progress, MyCourseProgress myProgress, Resume resume) {
    }

    /** The answer to a progress report: what was credited, and the learner's standing in the course. */
    record ProgressAnswer(LessonProgress lesson, MyCourseProgress course) {
    }

    /** A course on "my learning", newest activity first. */
    record LearningItem(long courseId, String title, String topic, String lecturer, Long coverFileId, int lessonCount,
                        int completedLessons, int percent, Instant startedAt, Instant lastActivityAt, Long lastLessonId,
                        String lastLessonTitle) {
    }

    static int percent(int completed, int lessons) {
        return lessons <= 0 ? 0 : Math.min(100, completed * 100 / lessons);
    }
}
