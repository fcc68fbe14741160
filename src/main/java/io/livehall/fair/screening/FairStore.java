package io.livehall.fair.screening;

import java.time.Instant;
import java.util.List;

import io.livehall.fair.FairStatus;
import io.livehall.fair.screening.FairViews.AgendaItem;
import io.livehall.fair.screening.FairViews.Organiser;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of a fair as its organisers edit it: the fair, its agenda, its co-organisers, its status. */
@Repository
class FairStore {

    private final DatabaseClient db;

    FairStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long organiserId, FairRequest r) {
        return fields(db.sql("""
                        insert into fair (organiser_id, title, kind, mode, visibility, starts_at, ends_at, region, venue,
                                          summary, capacity, cover_file_id)
                        values (:organiser, :title, :kind, :mode, :visibility, :starts, :ends, :region, :venue,
                                :summary, :capacity, :cover) returning id""").bind("organiser", organiserId), r)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Updates a fair that is not cancelled; 0 rows otherwise. */
    Mono<Long> update(long id, FairRequest r, Instant now) {
        return fields(db.sql("""
                        update fair set title = :title, kind = :kind, mode = :mode, visibility = :visibility,
                                        starts_at = :starts, ends_at = :ends, region = :region, venue = :venue,
                                        summary = :summary, capacity = :capacity, cover_file_id = :cover, updated_at = :now
                         where id = :id and status <> 'CANCELLED'""").bind("id", id).bind("now", now), r)
                .fetch().rowsUpdated();
    }

    private static GenericExecuteSpec fields(GenericExecuteSpec spec, FairRequest r) {
        spec = spec.bind("title", r.title().strip()).bind("kind", r.kind().name()).bind("mode", r.mode().name())
                .bind("visibility", r.visibility().name()).bind("starts", r.startsAt()).bind("ends", r.endsAt())
                .bind("region", r.region().strip()).bind("summary", r.summaryOrEmpty()).bind("capacity", r.capacity());
        spec = r.venueOrNull() == null ? spec.bindNull("venue", String.class) : spec.bind("venue", r.venueOrNull());
        return r.coverFileId() == null ? spec.bindNull("cover", Long.class) : spec.bind("cover", r.coverFileId());
    }

    Mono<Void> replaceAgenda(long fairId, List<FairRequest.AgendaItemRequest> items) {
        Mono<Long> clear = db.sql("delete from fair_agenda_item where fair_id = :fair").bind("fair", fairId)
                .fetch().rowsUpdated();
        return clear.thenMany(Flux.range(0, items.size()).concatMap(i -> {
            FairRequest.AgendaItemRequest item = items.get(i);
            GenericExecuteSpec spec = db.sql("""
                            insert into fair_agenda_item (fair_id, position, starts_at, ends_at, title, place, speaker)
                            values (:fair, :position, :starts, :ends, :title, :place, :speaker)""")
                    .bind("fair", fairId).bind("position", i).bind("starts", item.startsAt())
                    .bind("title", item.title().strip());
            spec = item.endsAt() == null ? spec.bindNull("ends", Instant.class) : spec.bind("ends", item.endsAt());
            spec = nullable(spec, "place", FairRequest.blankToNull(item.place()));
            spec = nullable(spec, "speaker", FairRequest.blankToNull(item.speaker()));
            return spec.fetch().rowsUpdated();
        })).then();
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    Flux<AgendaItem> agenda(long fairId) {
        return db.sql("""
                        select id, starts_at, ends_at, title, place, speaker from fair_agenda_item
                         where fair_id = :fair order by position""")
                .bind("fair", fairId)
                .map(row -> new AgendaItem(row.get("id", Long.class), row.get("starts_at", Instant.class),
                        row.get("ends_at", Instant.class), row.get("title", String.class),
                        row.get("place", String.class), row.get("speaker", String.class)))
                .all();
    }

    /** The creator first, then the co-organisers in the order they were added. */
    Flux<Organiser> organisers(long fairId) {
        return db.sql("""
                        select u.id, u.username, u.display_name, true as creator, 0 as n
                          from fair f join app_user u on u.id = f.organiser_id where f.id = :fair
                        union all
                        select u.id, u.username, u.display_name, false, 1
                          from fair_organiser o join app_user u on u.id = o.user_id where o.fair_id = :fair
                        order by n, display_name""")
                .bind("fair", fairId)
                .map(row -> new Organiser(row.get("id", Long.class), row.get("username", String.class),
                        row.get("display_name", String.class), Boolean.TRUE.equals(row.get("creator", Boolean.class))))
                .all();
    }

    /** The id of an account that may organise (role ORGANISER or ADMIN), by username, any case. */
    Mono<Long> organiserAccount(String username) {
        return db.sql("""
                        select id from app_user
                         where lower(username) = lower(:username) and roles && array['ORGANISER', 'ADMIN']""")
                .bind("username", username).map(row -> row.get(0, Long.class)).one();
    }

    /** Adds a co-organiser; 0 when already there. */
    Mono<Long> addOrganiser(long fairId, long userId) {
        return db.sql("""
                        insert into fair_organiser (fair_id, user_id) values (:fair, :user)
                        on conflict do nothing""")
                .bind("fair", fairId).bind("user", userId).fetch().rowsUpdated();
    }

    Mono<Long> removeOrganiser(long fairId, long userId) {
        return db.sql("delete from fair_organiser where fair_id = :fair and user_id = :user")
                .bind("fair", fairId).bind("user", userId).fetch().rowsUpdated();
    }

    /** A conditional status change: 1 row when the fair was in {@code from}. */
    Mono<Long> move(long fairId, FairStatus from, FairStatus to, Instant now) {
        return db.sql("update fair set status = :to, updated_at = :now where id = :id and status = :from")
                .bind("id", fairId).bind("from", from.name()).bind("to", to.name()).bind("now", now)
                .fetch().rowsUpdated();
    }

    /** How many enterprises are approved (PENDING/NEEDS_INFO/APPROVED registrations, for kind changes: any). */
    Mono<Long> participants(long fairId, boolean approvedOnly) {
        return db.sql("select count(*) from fair_participant where fair_id = :fair"
                        + (approvedOnly ? " and status = 'APPROVED'" : " and status <> 'WITHDRAWN'"))
                .bind("fair", fairId).map(row -> row.get(0, Long.class)).one();
    }

    /** The contacts of the registrations still open or approved (told when the fair is cancelled). */
    Flux<Long> contactsToTell(long fairId) {
        return db.sql("""
                        select distinct user_id from fair_participant
                         where fair_id = :fair and status in ('PENDING', 'NEEDS_INFO', 'APPROVED')""")
                .bind("fair", fairId).map(row -> row.get(0, Long.class)).all();
    }
}
