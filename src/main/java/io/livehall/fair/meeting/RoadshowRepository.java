package io.livehall.fair.meeting;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of a roadshow: its stream and current project, the projects' 感兴趣 counts, questions and votes. */
@Repository
class RoadshowRepository {

    /** A project (PROJECT participant, approved) and how many investors marked it 感兴趣. */
    record Project(long participantId, String enterprise, String offers, Long amountMinFen, Long amountMaxFen,
                   long interested) {
    }

    /** An investor's question to a project. */
    record Question(long id, long projectId, long userId, String asker, String text, int votes, Instant answeredAt,
                    Instant createdAt) {
    }

    record Setup(String streamUrl, Long currentId) {
    }

    private final DatabaseClient db;

    RoadshowRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Setup> setup(long fairId) {
        return db.sql("select stream_url, current_id from fair_roadshow where fair_id = :fair").bind("fair", fairId)
                .map(row -> new Setup(row.get("stream_url", String.class), row.get("current_id", Long.class))).one()
                .defaultIfEmpty(new Setup(null, null));
    }

    Flux<Project> projects(long fairId) {
        return db.sql("""
                        select p.id, e.name, p.offers, p.amount_min_fen, p.amount_max_fen,
                               (select count(*) from fair_roadshow_interest i where i.project_id = p.id) as interested
                          from fair_participant p join enterprise e on e.id = p.enterprise_id
                         where p.fair_id = :fair and p.role = 'PROJECT' and p.status = 'APPROVED' order by p.id""")
                .bind("fair", fairId)
                .map(row -> new Project(row.get("id", Long.class), row.get("name", String.class),
                        row.get("offers", String.class), row.get("amount_min_fen", Long.class),
                        row.get("amount_max_fen", Long.class), row.get("interested", Long.class)))
                .all();
    }

    Mono<Void> saveStream(long fairId, String streamUrl, Instant now) {
        var spec = db.sql("""
                        insert into fair_roadshow (fair_id, stream_url, updated_at) values (:fair, :url, :now)
                        on conflict (fair_id) do update set stream_url = excluded.stream_url, updated_at = :now""")
                .bind("fair", fairId).bind("now", now);
        spec = streamUrl == null ? spec.bindNull("url", String.class) : spec.bind("url", streamUrl);
        return spec.fetch().rowsUpdated().then();
    }

    Mono<Void> saveCurrent(long fairId, Long projectId, Instant now) {
        var spec = db.sql("""
                        insert into fair_roadshow (fair_id, current_id, updated_at) values (:fair, :project, :now)
                        on conflict (fair_id) do update set current_id = excluded.current_id, updated_at = :now""")
                .bind("fair", fairId).bind("now", now);
        spec = projectId == null ? spec.bindNull("project", Long.class) : spec.bind("project", projectId);
        return spec.fetch().rowsUpdated().then();
    }

    /** The fair's questions, unanswered first, then by votes (at most {@code limit}). */
    Flux<Question> questions(long fairId, int limit) {
        return db.sql("""
                        select id, project_id, user_id, asker, text, votes, answered_at, created_at
                          from fair_roadshow_question where fair_id = :fair
                         order by answered_at is not null, votes desc, id limit :limit""")
                .bind("fair", fairId).bind("limit", limit).map(row -> new Question(row.get("id", Long.class),
                        row.get("project_id", Long.class), row.get("user_id", Long.class), row.get("asker", String.class),
                        row.get("text", String.class), row.get("votes", Integer.class),
                        row.get("answered_at", Instant.class), row.get("created_at", Instant.class)))
                .all();
    }

    Mono<Question> question(long fairId, long id) {
        return db.sql("""
                        select id, project_id, user_id, asker, text, votes, answered_at, created_at
                          from fair_roadshow_question where fair_id = :fair and id = :id""")
                .bind("fair", fairId).bind("id", id).map(row -> new Question(row.get("id", Long.class),
                        row.get("project_id", Long.class), row.get("user_id", Long.class), row.get("asker", String.class),
                        row.get("text", String.class), row.get("votes", Integer.class),
                        row.get("answered_at", Instant.class), row.get("created_at", Instant.class)))
                .one();
    }

    Mono<Long> ask(long fairId, long projectId, long userId, String asker, String text, Instant now) {
        return db.sql("""
                        insert into fair_roadshow_question (fair_id, project_id, user_id, asker, text, created_at)
                        values (:fair, :project, :user, :asker, :text, :now) returning id""")
                .bind("fair", fairId).bind("project", projectId).bind("user", userId).bind("asker", asker)
                .bind("text", text).bind("now", now).map(row -> row.get(0, Long.class)).one();
    }

    /** One upvote per user: a repeat changes nothing; answers whether it counted. */
    Mono<Boolean> vote(long questionId, long userId) {
        return db.sql("""
                        with v as (insert into fair_roadshow_vote (question_id, user_id) values (:q, :user)
                                   on conflict do nothing returning question_id)
                        update fair_roadshow_question set votes = votes + 1 where id in (select question_id from v)""")
                .bind("q", questionId).bind("user", userId).fetch().rowsUpdated().map(n -> n > 0);
    }

    Flux<Long> votedBy(long fairId, long userId) {
        return db.sql("""
                        select v.question_id from fair_roadshow_vote v
                          join fair_roadshow_question q on q.id = v.question_id
                         where q.fair_id = :fair and v.user_id = :user""")
                .bind("fair", fairId).bind("user", userId).map(row -> row.get(0, Long.class)).all();
    }

    Mono<Void> answered(long questionId, Instant now) {
        return db.sql("update fair_roadshow_question set answered_at = coalesce(answered_at, :now) where id = :id")
                .bind("now", now).bind("id", questionId).fetch().rowsUpdated().then();
    }

    /** An investor's 感兴趣, once per (project, investor); answers whether it is new. */
    Mono<Boolean> interest(long projectId, long investorId, long userId, Instant now) {
        return db.sql("""
                        insert into fair_roadshow_interest (project_id, investor_id, user_id, created_at)
                        values (:project, :investor, :user, :now) on conflict do nothing""")
                .bind("project", projectId).bind("investor", investorId).bind("user", userId).bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    Flux<Long> interestsOf(long investorId) {
        return db.sql("select project_id from fair_roadshow_interest where investor_id = :investor")
                .bind("investor", investorId).map(row -> row.get(0, Long.class)).all();
    }
}
