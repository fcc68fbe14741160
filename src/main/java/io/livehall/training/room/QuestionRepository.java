package io.livehall.training.room;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code training_question} and its votes. A vote and its question's counter change in one statement. */
@Repository
class QuestionRepository {

    /** A question as the room and the console show it. */
    record Question(long id, long sessionId, long userId, String name, String text, int votes, boolean pinned,
                    boolean hidden, Instant answeredAt, String answer, Instant createdAt) {
    }

    private static final String COLUMNS = """
            select q.id, q.session_id, q.user_id, u.display_name, q.text, q.votes, q.pinned, q.hidden, q.answered_at,
                   q.answer, q.created_at
            from training_question q join app_user u on u.id = q.user_id""";
    /** pinned first, then by votes, then the earlier question */
    private static final String RANK = " order by q.pinned desc, q.votes desc, q.id";

    private final DatabaseClient db;

    QuestionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long sessionId, long userId, String text, Instant at) {
        return db.sql("insert into training_question (session_id, user_id, text, created_at) values (:s, :u, :t, :at) returning id")
                .bind("s", sessionId).bind("u", userId).bind("t", text).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<Question> find(long sessionId, long questionId) {
        return db.sql(COLUMNS + " where q.session_id = :s and q.id = :q").bind("s", sessionId).bind("q", questionId)
                .map(QuestionRepository::question).one();
    }

    /** The visible questions of a session, ranked, at most {@code limit}. */
    Flux<Question> ranked(long sessionId, int limit, boolean withHidden) {
        return db.sql(COLUMNS + " where q.session_id = :s" + (withHidden ? "" : " and not q.hidden") + RANK + " limit :n")
                .bind("s", sessionId).bind("n", limit).map(QuestionRepository::question).all();
    }

    Flux<Question> byUser(long sessionId, long userId) {
        return db.sql(COLUMNS + " where q.session_id = :s and q.user_id = :u order by q.id desc limit 100")
                .bind("s", sessionId).bind("u", userId).map(QuestionRepository::question).all();
    }

    /** {visible, answered} among the session's visible questions. */
    Mono<long[]> totals(long sessionId) {
        return db.sql("""
                        select count(*) as visible, count(answered_at) as answered
                        from training_question where session_id = :s and not hidden""")
                .bind("s", sessionId)
                .map(row -> new long[] {row.get("visible", Long.class), row.get("answered", Long.class)}).one();
    }

    /** All questions of a session, hidden ones too (attendance counts what people asked). */
    Mono<Long> count(long sessionId) {
        return db.sql("select count(*) as n from training_question where session_id = :s").bind("s", sessionId)
                .map(row -> row.get("n", Long.class)).one();
    }

    Mono<Long> count(long sessionId, long userId) {
        return db.sql("select count(*) as n from training_question where session_id = :s and user_id = :u")
                .bind("s", sessionId).bind("u", userId).map(row -> row.get("n", Long.class)).one();
    }

    /** How many questions each asker asked in a session (hidden ones included). */
    Flux<long[]> countsByUser(long sessionId) {
        return db.sql("select user_id, count(*) as n from training_question where session_id = :s group by user_id")
                .bind("s", sessionId).map(row -> new long[] {row.get("user_id", Long.class), row.get("n", Long.class)}).all();
    }

    /** Adds the user's vote unless there is one; answers whether it was added. */
    Mono<Boolean> vote(long questionId, long userId) {
        return db.sql("""
                        with added as (insert into training_question_vote (question_id, user_id) values (:q, :u)
                                       on conflict do nothing returning question_id)
                        update training_question set votes = votes + 1 where id in (select question_id from added)""")
                .bind("q", questionId).bind("u", userId).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Takes the user's vote back if there is one; answers whether there was. */
    Mono<Boolean> unvote(long questionId, long userId) {
        return db.sql("""
                        with removed as (delete from training_question_vote where question_id = :q and user_id = :u
                                         returning question_id)
                        update training_question set votes = votes - 1 where id in (select question_id from removed)""")
                .bind("q", questionId).bind("u", userId).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The ids of the session's questions this user voted for. */
    Flux<Long> votedBy(long sessionId, long userId) {
        return db.sql("""
                        select v.question_id from training_question_vote v join training_question q on q.id = v.question_id
                        where q.session_id = :s and v.user_id = :u order by v.question_id""")
                .bind("s", sessionId).bind("u", userId).map(row -> row.get("question_id", Long.class)).all();
    }

    Mono<Long> answer(long questionId, String answer, Instant at) {
        var spec = db.sql("update training_question set answered_at = coalesce(answered_at, :at), answer = :a where id = :q")
                .bind("q", questionId).bind("at", at);
        return (answer == null ? spec.bindNull("a", String.class) : spec.bind("a", answer)).fetch().rowsUpdated();
    }

    /** Pins one question of the session and unpins the one pinned before (in the caller's transaction). */
    Mono<Void> pin(long sessionId, long questionId) {
        return db.sql("update training_question set pinned = false where session_id = :s and pinned and id <> :q")
                .bind("s", sessionId).bind("q", questionId).fetch().rowsUpdated()
                .then(db.sql("update training_question set pinned = true, hidden = false where id = :q")
                        .bind("q", questionId).fetch().rowsUpdated())
                .then();
    }

    Mono<Void> unpin(long questionId) {
        return db.sql("update training_question set pinned = false where id = :q").bind("q", questionId)
                .fetch().rowsUpdated().then();
    }

    /** Hides (and unpins) or shows a question again. */
    Mono<Void> hide(long questionId, boolean hidden) {
        return db.sql("update training_question set hidden = :h, pinned = pinned and not :h where id = :q")
                .bind("q", questionId).bind("h", hidden).fetch().rowsUpdated().then();
    }

    private static Question question(Readable row) {
        return new Question(row.get("id", Long.class), row.get("session_id", Long.class), row.get("user_id", Long.class),
                row.get("display_name", String.class), row.get("text", String.class), row.get("votes", Integer.class),
                Boolean.TRUE.equals(row.get("pinned", Boolean.class)), Boolean.TRUE.equals(row.get("hidden", Boolean.class)),
                row.get("answered_at", Instant.class), row.get("answer", String.class), row.get("created_at", Instant.class));
    }
}
