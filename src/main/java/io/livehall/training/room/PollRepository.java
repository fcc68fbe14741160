package io.livehall.training.room;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code training_poll} and its votes; results are counted from the votes (at most twice a second per room). */
@Repository
class PollRepository {

    /** A poll without its results. */
    record Poll(long id, long sessionId, String question, List<String> options, boolean multiple, String status,
                Instant openedAt, Instant closedAt) {
    }

    /** One user's vote in one poll. */
    record Vote(long pollId, List<Integer> choices) {
    }

    private static final String COLUMNS = "select id, session_id, question, options, multiple, status, opened_at, closed_at from training_poll";

    private final DatabaseClient db;

    PollRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long sessionId, String question, List<String> options, boolean multiple) {
        return db.sql("insert into training_poll (session_id, question, options, multiple) values (:s, :q, :o, :m) returning id")
                .bind("s", sessionId).bind("q", question).bind("o", options.toArray(String[]::new)).bind("m", multiple)
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<Poll> find(long sessionId, long pollId) {
        return db.sql(COLUMNS + " where session_id = :s and id = :p").bind("s", sessionId).bind("p", pollId)
                .map(PollRepository::poll).one();
    }

    /** The session's polls, newest first; {@code shown} only: opened ones (OPEN or CLOSED). */
    Flux<Poll> of(long sessionId, boolean shown) {
        return db.sql(COLUMNS + " where session_id = :s" + (shown ? " and status <> 'DRAFT'" : "") + " order by id desc limit 50")
                .bind("s", sessionId).map(PollRepository::poll).all();
    }

    /** Moves a poll from one status to another; answers whether it was in {@code from}. */
    Mono<Boolean> move(long pollId, String from, String to, Instant at) {
        String stamp = to.equals("OPEN") ? "opened_at" : "closed_at";
        return db.sql("update training_poll set status = :to, " + stamp + " = :at where id = :p and status = :from")
                .bind("p", pollId).bind("from", from).bind("to", to).bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Closes the session's open poll, if any (the session ended). */
    Mono<Long> closeOpen(long sessionId, Instant at) {
        return db.sql("update training_poll set status = 'CLOSED', closed_at = :at where session_id = :s and status = 'OPEN'")
                .bind("s", sessionId).bind("at", at).fetch().rowsUpdated();
    }

    /** Records a vote unless the user voted; answers the user's vote either way (the first one). */
    Mono<List<Integer>> vote(long pollId, long userId, List<Integer> choices) {
        Short[] values = choices.stream().map(Integer::shortValue).toArray(Short[]::new);
        return db.sql("""
                        with added as (insert into training_poll_vote (poll_id, user_id, choices) values (:p, :u, :c)
                                       on conflict do nothing returning choices)
                        select choices from added
                        union all
                        select choices from training_poll_vote where poll_id = :p and user_id = :u and not exists (select 1 from added)""")
                .bind("p", pollId).bind("u", userId).bind("c", values)
                .map(row -> choices(row.get("choices", Short[].class))).one()
                // the same user's concurrent first vote committed after this statement's snapshot: read it now
                .switchIfEmpty(Mono.defer(() -> db.sql("select choices from training_poll_vote where poll_id = :p and user_id = :u")
                        .bind("p", pollId).bind("u", userId)
                        .map(row -> choices(row.get("choices", Short[].class))).one()));
    }

    /** The user's votes in the session's polls. */
    Flux<Vote> votesOf(long sessionId, long userId) {
        return db.sql("""
                        select v.poll_id, v.choices from training_poll_vote v join training_poll p on p.id = v.poll_id
                        where p.session_id = :s and v.user_id = :u""")
                .bind("s", sessionId).bind("u", userId)
                .map(row -> new Vote(row.get("poll_id", Long.class), choices(row.get("choices", Short[].class)))).all();
    }

    /** Per poll of the session: how many chose each option, and how many voted. */
    Flux<long[]> counts(long sessionId) {
        return db.sql("""
                        select v.poll_id, c.choice, count(*) as n from training_poll_vote v
                        join training_poll p on p.id = v.poll_id, unnest(v.choices) as c(choice)
                        where p.session_id = :s and p.status <> 'DRAFT' group by v.poll_id, c.choice
                        union all
                        select v.poll_id, -1, count(*) from training_poll_vote v join training_poll p on p.id = v.poll_id
                        where p.session_id = :s and p.status <> 'DRAFT' group by v.poll_id""")
                .bind("s", sessionId)
                .map(row -> new long[] {row.get("poll_id", Long.class), ((Number) row.get("choice")).longValue(),
                        row.get("n", Long.class)})
                .all();
    }

    private static List<Integer> choices(Short[] values) {
        return values == null ? List.of() : Arrays.stream(values).map(Short::intValue).toList();
    }

    private static Poll poll(Readable row) {
        return new Poll(row.get("id", Long.class), row.get("session_id", Long.class), row.get("question", String.class),
                List.of(row.get("options", String[].class)), Boolean.TRUE.equals(row.get("multiple", Boolean.class)),
                row.get("status", String.class), row.get("opened_at", Instant.class), row.get("closed_at", Instant.class));
    }
}
