package io.livehall.training.course;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.livehall.training.course.CourseViews.CourseCard;
import io.livehall.training.course.CourseViews.Lesson;
import io.livehall.training.course.CourseViews.MyCourseProgress;
import io.livehall.training.course.CourseViews.Topic;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of topics, courses and lessons. The public list reads one of the partial indexes of published courses
 * backwards (newest, or most learners, with or without a topic); {@code ?q=} of three or more characters goes through
 * the trigram index, of one or two characters through the grams index (V22).
 */
@Repository
class CourseRepository {

    static final String COURSE = """
            select c.id, c.topic_id, t.name as topic, c.organiser_id, u.display_name as organiser, c.title, c.summary,
                   c.lecturer, c.cover_file_id, c.published, c.published_at, c.lesson_count, c.learner_count,
                   c.created_at, c.updated_at
              from course c join course_topic t on t.id = c.topic_id join app_user u on u.id = c.organiser_id""";

    private final DatabaseClient db;

    CourseRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A course row with its topic's and organiser's names. */
    record CourseRow(long id, long topicId, String topic, long organiserId, String organiser, String title,
                     String summary, String lecturer, Long coverFileId, boolean published, Instant publishedAt,
                     int lessonCount, int learnerCount, Instant createdAt, Instant updatedAt) {
    }

    // ---- topics

    Flux<Topic> topics() {
        return db.sql("select id, name, position, organiser_id from course_topic order by position, id")
                .map(CourseRepository::topicOf).all();
    }

    Mono<Topic> topic(long id) {
        return db.sql("select id, name, position, organiser_id from course_topic where id = :id").bind("id", id)
                .map(CourseRepository::topicOf).one();
    }

    Mono<Long> insertTopic(long organiserId, TopicRequest r) {
        return db.sql("insert into course_topic (organiser_id, name, position) values (:o, :name, :position) returning id")
                .bind("o", organiserId).bind("name", r.name().strip()).bind("position", r.position())
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<Long> updateTopic(long id, TopicRequest r) {
        return db.sql("update course_topic set name = :name, position = :position where id = :id")
                .bind("id", id).bind("name", r.name().strip()).bind("position", r.position()).fetch().rowsUpdated();
    }

    /** Deletes a topic no course is filed under; 0 otherwise. */
    Mono<Long> deleteEmptyTopic(long id) {
        return db.sql("delete from course_topic t where t.id = :id and not exists (select 1 from course c where c.topic_id = t.id)")
                .bind("id", id).fetch().rowsUpdated();
    }

    // ---- courses

    Mono<CourseRow> course(long id) {
        return courseSql(id).on(db).map(CourseRepository::courseOf).one();
    }

    static Sql courseSql(long id) {
        return Sql.of(COURSE + " where c.id = :id", "id", id);
    }

    /**
     * The public list ({@code published}) or an organiser's ({@code organiserId}, null for an admin's all):
     * {@code limit + 1} cards, with the learner's own standing when {@code userId} is set.
     */
    Flux<CourseCard> list(CourseListQuery q, int limit, Long userId) {
        return listSql(q, limit, userId).on(db).map(CourseRepository::cardOf).all();
    }

    static Sql listSql(CourseListQuery q, int limit, Long userId) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.topic_id, t.name as topic, c.title, c.summary, c.lecturer, c.cover_file_id,
                       c.lesson_count, c.learner_count, c.published, c.created_at,
                       l.completed_lessons, l.last_lesson_id, l.last_activity_at
                  from course c join course_topic t on t.id = c.topic_id
                  left join course_learner l on l.course_id = c.id and l.user_id = :user
                 where""").append(' ');
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("user", userId);
        binds.put("limit", limit + 1);
        sql.append(q.organiserOnly() ? (q.organiserId() == null ? "true" : "c.organiser_id = :organiser") : "c.published");
        if (q.organiserId() != null) {
            binds.put("organiser", q.organiserId());
        }
        if (q.topicId() != null) {
            sql.append(" and c.topic_id = :topic");
            binds.put("topic", q.topicId());
        }
        if (q.text() != null) {
            Sql search = searchSql(q.text());
            sql.append(" and ").append(search.text());
            binds.putAll(search.binds());
        }
        if (q.after() != null) {
            if (q.sort() == CourseSort.NEWEST) {
                sql.append(" and c.id < :after");
            } else {
                sql.append(" and (c.learner_count, c.id) < (:afterKey, :after)");
                binds.put("afterKey", (int) q.after().key());
            }
            binds.put("after", q.after().id());
        }
        sql.append(q.sort() == CourseSort.NEWEST ? " order by c.id desc" : " order by c.learner_count desc, c.id desc");
        sql.append(" limit :limit");
        return new Sql(sql.toString(), binds);
    }

    /**
     * The search condition on {@code course c}: "contains the text, ignoring case" over title, summary and lecturer,
     * through the trigram index for three or more characters, the grams index for one or two (V22).
     */
    static Sql searchSql(String text) {
        if (text.codePointCount(0, text.length()) >= 3) {
            String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return Sql.of("(c.title || ' ' || c.summary || ' ' || c.lecturer) ilike :pattern", "pattern", "%" + escaped + "%");
        }
        return Sql.of("c.search_grams @> array[lower(:grams)]", "grams", text);
    }

    Mono<Long> insertCourse(long organiserId, CourseRequest r) {
        return bindCourse(db.sql("""
                        insert into course (topic_id, organiser_id, title, summary, lecturer, cover_file_id)
                        values (:topic, :organiser, :title, :summary, :lecturer, :cover) returning id"""), r)
                .bind("organiser", organiserId).map(row -> row.get("id", Long.class)).one();
    }

    Mono<Long> updateCourse(long id, CourseRequest r) {
        return bindCourse(db.sql("""
                        update course set topic_id = :topic, title = :title, summary = :summary, lecturer = :lecturer,
                               cover_file_id = :cover, updated_at = now() where id = :id"""), r)
                .bind("id", id).fetch().rowsUpdated();
    }

    /** Publishes a course that has lessons (0 when it has none or is published already). */
    Mono<Long> publish(long id, Instant now) {
        return db.sql("""
                        update course set published = true, published_at = :now, updated_at = :now
                         where id = :id and not published and lesson_count > 0""")
                .bind("id", id).bind("now", now).fetch().rowsUpdated();
    }

    Mono<Long> unpublish(long id, Instant now) {
        return db.sql("update course set published = false, updated_at = :now where id = :id and published")
                .bind("id", id).bind("now", now).fetch().rowsUpdated();
    }

    /** Deletes an unpublished course nobody has learned (0 otherwise); its lessons go with it. */
    Mono<Long> deleteUnlearned(long id) {
        return db.sql("delete from course where id = :id and not published and learner_count = 0")
                .bind("id", id).fetch().rowsUpdated();
    }

    // ---- lessons

    Flux<Lesson> lessons(long courseId) {
        return lessonsSql(courseId).on(db).map(CourseRepository::lessonOf).all();
    }

    static Sql lessonsSql(long courseId) {
        return Sql.of("""
                select id, position, title, video_url, duration_seconds from course_lesson
                 where course_id = :course order by position""", "course", courseId);
    }

    Mono<Lesson> lesson(long courseId, long lessonId) {
        return db.sql("""
                        select id, position, title, video_url, duration_seconds from course_lesson
                         where course_id = :course and id = :id""")
                .bind("course", courseId).bind("id", lessonId).map(CourseRepository::lessonOf).one();
    }

    /**
     * Appends a lesson and counts it on the course, in the caller's transaction; the course row is locked first, so
     * two lessons added at once get consecutive positions. Empty when the course has its 200 lessons.
     */
    Mono<Long> appendLesson(long courseId, LessonRequest r) {
        return db.sql("select lesson_count from course where id = :id for update").bind("id", courseId)
                .map(row -> row.get("lesson_count", Integer.class)).one()
                .filter(count -> count < 200)
                .flatMap(count -> bindLesson(db.sql("""
                                insert into course_lesson (course_id, position, title, video_url, duration_seconds)
                                values (:course, (select coalesce(max(position) + 1, 0) from course_lesson where course_id = :course),
                                        :title, :url, :duration) returning id"""), r)
                        .bind("course", courseId).map(row -> row.get("id", Long.class)).one())
                .flatMap(id -> db.sql("update course set lesson_count = lesson_count + 1, updated_at = now() where id = :id")
                        .bind("id", courseId).fetch().rowsUpdated().thenReturn(id));
    }

    Mono<Long> updateLesson(long courseId, long lessonId, LessonRequest r) {
        return bindLesson(db.sql("""
                        update course_lesson set title = :title, video_url = :url, duration_seconds = :duration,
                               updated_at = now() where course_id = :course and id = :id"""), r)
                .bind("course", courseId).bind("id", lessonId).fetch().rowsUpdated();
    }

    /**
     * Deletes a lesson nobody has progress in (0 otherwise), in the caller's transaction, and closes the gap in the
     * positions. A published course keeps at least one lesson.
     */
    Mono<Long> deleteUnwatchedLesson(long courseId, long lessonId) {
        return db.sql("select lesson_count, published from course where id = :id for update").bind("id", courseId)
                .map(row -> !Boolean.TRUE.equals(row.get("published", Boolean.class)) || row.get("lesson_count", Integer.class) > 1)
                .one()
                .flatMap(may -> !may ? Mono.just(0L) : db.sql("""
                                delete from course_lesson l where l.course_id = :course and l.id = :id
                                   and not exists (select 1 from course_lesson_progress p where p.lesson_id = l.id)
                                returning position""")
                        .bind("course", courseId).bind("id", lessonId).map(row -> row.get("position", Integer.class)).one()
                        .flatMap(position -> db.sql("""
                                        update course_lesson set position = position - 1
                                         where course_id = :course and position > :position""")
                                .bind("course", courseId).bind("position", position).fetch().rowsUpdated()
                                .then(db.sql("update course set lesson_count = lesson_count - 1, updated_at = now() where id = :id")
                                        .bind("id", courseId).fetch().rowsUpdated()))
                        .defaultIfEmpty(0L));
    }

    private static DatabaseClient.GenericExecuteSpec bindCourse(DatabaseClient.GenericExecuteSpec spec, CourseRequest r) {
        spec = spec.bind("topic", r.topicId()).bind("title", r.title().strip()).bind("summary", r.summaryOrEmpty())
                .bind("lecturer", r.lecturer().strip());
        return r.coverFileId() == null ? spec.bindNull("cover", Long.class) : spec.bind("cover", r.coverFileId());
    }

    private static DatabaseClient.GenericExecuteSpec bindLesson(DatabaseClient.GenericExecuteSpec spec, LessonRequest r) {
        return spec.bind("title", r.title().strip()).bind("url", r.videoUrl().strip()).bind("duration", r.durationSeconds());
    }

    private static Topic topicOf(Readable row) {
        return new Topic(row.get("id", Long.class), row.get("name", String.class), row.get("position", Integer.class),
                row.get("organiser_id", Long.class));
    }

    static CourseRow courseOf(Readable row) {
        return new CourseRow(row.get("id", Long.class), row.get("topic_id", Long.class), row.get("topic", String.class),
                row.get("organiser_id", Long.class), row.get("organiser", String.class), row.get("title", String.class),
                row.get("summary", String.class), row.get("lecturer", String.class), row.get("cover_file_id", Long.class),
                Boolean.TRUE.equals(row.get("published", Boolean.class)), row.get("published_at", Instant.class),
                row.get("lesson_count", Integer.class), row.get("learner_count", Integer.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }

    private static CourseCard cardOf(Readable row) {
        int lessons = row.get("lesson_count", Integer.class);
        Integer completed = row.get("completed_lessons", Integer.class);
        MyCourseProgress mine = completed == null ? null : new MyCourseProgress(completed,
                CourseViews.percent(completed, lessons), row.get("last_lesson_id", Long.class),
                row.get("last_activity_at", Instant.class));
        return new CourseCard(row.get("id", Long.class), row.get("topic_id", Long.class), row.get("topic", String.class),
                row.get("title", String.class), row.get("summary", String.class), row.get("lecturer", String.class),
                row.get("cover_file_id", Long.class), lessons, row.get("learner_count", Integer.class),
                Boolean.TRUE.equals(row.get("published", Boolean.class)), row.get("created_at", Instant.class), mine);
    }

    private static Lesson lessonOf(Readable row) {
        String url = row.get("video_url", String.class);
        return new Lesson(row.get("id", Long.class), row.get("position", Integer.class), row.get("title", String.class),
                url, VideoKind.of(url), row.get("duration_seconds", Integer.class));
    }
}
