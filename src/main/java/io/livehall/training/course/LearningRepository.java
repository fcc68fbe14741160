package io.livehall.training.course;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.livehall.training.course.CourseProgressRules.After;
import io.livehall.training.course.CourseProgressRules.Before;
import io.livehall.training.course.CourseViews.LearningItem;
import io.livehall.training.course.CourseViews.LessonProgress;
import io.livehall.training.course.CourseViews.MyCourseProgress;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of learners' progress: per lesson ({@code course_lesson_progress}) and per course ({@code course_learner}, the
 * row "my learning" and the learner count rest on). Every read is one range of a primary key or index (V22).
 */
@Repository
class LearningRepository {

    private final DatabaseClient db;

    LearningRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Makes the user a learner of the course if they were not one yet, and then counts them on the course: the
     * primary key lets exactly one of any number of concurrent first reports insert the row, so the count is bumped
     * once per learner. The course row's lock serialises the bumps of different learners. True when counted now.
     */
    Mono<Boolean> enrol(long userId, long courseId, long lessonId, Instant now) {
        return db.sql("""
                        insert into course_learner (user_id, course_id, started_at, last_lesson_id, last_activity_at)
                        values (:user, :course, :now, :lesson, :now) on conflict do nothing""")
                .bind("user", userId).bind("course", courseId).bind("lesson", lessonId).bind("now", now)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false)
                        : db.sql("update course set learner_count = learner_count + 1 where id = :id").bind("id", courseId)
                                .fetch().rowsUpdated().thenReturn(true));
    }

    /** The lesson's progress before this report; {@code first} when this report is the lesson's first. */
    record Locked(Before before, boolean first) {
    }

    /**
     * The lesson's progress before this report, locked for the rest of the transaction, so concurrent reports of one
     * learner (two tabs) are credited one after the other and a lesson is counted complete once. The first report
     * creates the row (at zero) first: then even two concurrent first reports queue on it.
     */
    Mono<Locked> lockProgress(long userId, long courseId, long lessonId, Instant now) {
        return db.sql("""
                        insert into course_lesson_progress (user_id, course_id, lesson_id, position_seconds,
                               watched_seconds, completed, updated_at)
                        values (:user, :course, :lesson, 0, 0, false, :now) on conflict do nothing""")
                .bind("user", userId).bind("course", courseId).bind("lesson", lessonId).bind("now", now)
                .fetch().rowsUpdated()
                .flatMap(inserted -> db.sql("""
                                select watched_seconds, completed, updated_at from course_lesson_progress
                                 where user_id = :user and course_id = :course and lesson_id = :lesson for update""")
                        .bind("user", userId).bind("course", courseId).bind("lesson", lessonId)
                        .map(row -> new Before(row.get("watched_seconds", Integer.class),
                                Boolean.TRUE.equals(row.get("completed", Boolean.class)), row.get("updated_at", Instant.class)))
                        .one()
                        // a row that was just created, or never credited a second, still counts as a first report
                        .map(b -> new Locked(b, inserted == 1 || (b.watchedSeconds() == 0 && !b.completed()))));
    }

    /** Writes the credited progress to the locked row. */
    Mono<LessonProgress> saveProgress(long userId, long courseId, long lessonId, After after, Instant now) {
        return db.sql("""
                        update course_lesson_progress set position_seconds = :position, watched_seconds = :watched,
                               completed = :completed,
                               completed_at = case when :completed then coalesce(completed_at, cast(:now as timestamptz)) end,
                               updated_at = :now
                         where user_id = :user and course_id = :course and lesson_id = :lesson
                        returning lesson_id, position_seconds, watched_seconds, completed, updated_at""")
                .bind("user", userId).bind("course", courseId).bind("lesson", lessonId)
                .bind("position", after.positionSeconds()).bind("watched", after.watchedSeconds())
                .bind("completed", after.completed()).bind("now", now)
                .map(LearningRepository::progressOf).one();
    }

    /** The learner's course row after a report: the last lesson and activity, one more completed lesson if so. */
    Mono<MyCourseProgress> touch(long userId, long courseId, long lessonId, boolean completedNow, int lessonCount,
                                 Instant now) {
        return db.sql("""
                        update course_learner set last_lesson_id = :lesson, last_activity_at = :now,
                               completed_lessons = least(completed_lessons + :inc, :lessons)
                         where user_id = :user and course_id = :course
                        returning completed_lessons, last_lesson_id, last_activity_at""")
                .bind("user", userId).bind("course", courseId).bind("lesson", lessonId).bind("now", now)
                .bind("inc", completedNow ? 1 : 0).bind("lessons", Math.max(lessonCount, 1))
                .map(row -> standingOf(row, lessonCount)).one();
    }

    /** A learner's part of a course page: their standing and their progress per lesson; empty when not started. */
    record Mine(MyCourseProgress standing, List<LessonProgress> progress) {
    }

    /** One statement: the learner row (a primary-key read) with the progress rows (a range of theirs). */
    Mono<Mine> mine(long userId, long courseId, int lessonCount) {
        return mineSql(userId, courseId).on(db)
                .map(row -> {
                    Long lessonId = row.get("lesson_id", Long.class);
                    return Map.entry(standingOf(row, lessonCount), lessonId == null ? Optional.<LessonProgress>empty()
                            : Optional.of(progressOf(row)));
                })
                .all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(new Mine(rows.get(0).getKey(),
                        rows.stream().flatMap(e -> e.getValue().stream()).toList())));
    }

    static Sql mineSql(long userId, long courseId) {
        return Sql.of("""
                select l.completed_lessons, l.last_lesson_id, l.last_activity_at,
                       p.lesson_id, p.position_seconds, p.watched_seconds, p.completed, p.updated_at
                  from course_learner l
                  left join course_lesson_progress p on p.user_id = l.user_id and p.course_id = l.course_id
                 where l.user_id = :user and l.course_id = :course""", "user", userId, "course", courseId);
    }

    /** "My learning": {@code limit + 1} published courses of the user, newest activity first. */
    Flux<LearningItem> myLearning(long userId, CourseCursor after, int limit) {
        return myLearningSql(userId, after, limit).on(db).map(row -> {
            int lessons = row.get("lesson_count", Integer.class);
            int completed = row.get("completed_lessons", Integer.class);
            return new LearningItem(row.get("course_id", Long.class), row.get("title", String.class),
                    row.get("topic", String.class), row.get("lecturer", String.class), row.get("cover_file_id", Long.class),
                    lessons, completed, CourseViews.percent(completed, lessons), row.get("started_at", Instant.class),
                    row.get("last_activity_at", Instant.class), row.get("last_lesson_id", Long.class),
                    row.get("last_lesson_title", String.class));
        }).all();
    }

    static Sql myLearningSql(long userId, CourseCursor after, int limit) {
        String keyset = after == null ? "" : " and (l.last_activity_at, l.course_id) < (:at, :after)";
        Sql sql = Sql.of("""
                select l.course_id, c.title, t.name as topic, c.lecturer, c.cover_file_id, c.lesson_count,
                       l.completed_lessons, l.started_at, l.last_activity_at, l.last_lesson_id,
                       ll.title as last_lesson_title
                  from course_learner l
                  join course c on c.id = l.course_id
                  join course_topic t on t.id = c.topic_id
                  left join course_lesson ll on ll.id = l.last_lesson_id
                 where l.user_id = :user and c.published""" + keyset
                + " order by l.last_activity_at desc, l.course_id desc limit :limit", "user", userId, "limit", limit + 1);
        if (after != null) {
            sql.binds().put("at", after.at());
            sql.binds().put("after", after.id());
        }
        return sql;
    }

    private static MyCourseProgress standingOf(Readable row, int lessonCount) {
        int completed = row.get("completed_lessons", Integer.class);
        return new MyCourseProgress(completed, CourseViews.percent(completed, lessonCount),
                row.get("last_lesson_id", Long.class), row.get("last_activity_at", Instant.class));
    }

    private static LessonProgress progressOf(Readable row) {
        return new LessonProgress(row.get("lesson_id", Long.class), row.get("position_seconds", Integer.class),
                row.get("watched_seconds", Integer.class), Boolean.TRUE.equals(row.get("completed", Boolean.class)),
                row.get("updated_at", Instant.class));
    }
}
