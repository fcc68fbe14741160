package io.livehall.fair.meeting;

import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of a fair's time slots and places. */
@Repository
class SlotRepository {

    private final DatabaseClient db;

    SlotRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The fair's slots in time order, each with its free active places and its booked meetings. */
    Flux<Slot> slots(long fairId) {
        return db.sql("""
                        select s.id, s.fair_id, s.starts_at, s.ends_at,
                               (select count(*) from fair_place p where p.fair_id = s.fair_id and p.active
                                   and not exists (select 1 from fair_meeting x where x.place_id = p.id
                                                    and x.status in ('BOOKED', 'HELD', 'NO_SHOW')
                                                    and tstzrange(x.starts_at, x.ends_at)
                                                        && tstzrange(s.starts_at, s.ends_at))) as free_places,
                               (select count(*) from fair_meeting m where m.slot_id = s.id
                                   and m.status in ('BOOKED', 'HELD', 'NO_SHOW')) as booked
                          from fair_slot s where s.fair_id = :fair order by s.starts_at, s.ends_at""")
                .bind("fair", fairId)
                .map(row -> new Slot(row.get("id", Long.class), row.get("fair_id", Long.class),
                        row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                        row.get("free_places", Long.class).intValue(), row.get("booked", Long.class).intValue()))
                .all();
    }

    Mono<Slot> slot(long fairId, long slotId) {
        return db.sql("select id, fair_id, starts_at, ends_at from fair_slot where id = :id and fair_id = :fair")
                .bind("id", slotId).bind("fair", fairId)
                .map(row -> new Slot(row.get("id", Long.class), row.get("fair_id", Long.class),
                        row.get("starts_at", Instant.class), row.get("ends_at", Instant.class), 0, 0))
                .one();
    }

    /** Adds the slots a fair has not got yet (the same start and end: skipped); answers how many were added. */
    Mono<Long> addSlots(long fairId, List<Instant[]> times) {
        if (times.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        insert into fair_slot (fair_id, starts_at, ends_at)
                        select :fair, s, e from unnest(:starts, :ends) as t(s, e)
                        on conflict (fair_id, starts_at, ends_at) do nothing""")
                .bind("fair", fairId).bind("starts", times.stream().map(t -> t[0]).toArray(Instant[]::new))
                .bind("ends", times.stream().map(t -> t[1]).toArray(Instant[]::new))
                .fetch().rowsUpdated();
    }

    Mono<Long> countSlots(long fairId) {
        return db.sql("select count(*) from fair_slot where fair_id = :fair").bind("fair", fairId)
                .map(row -> row.get(0, Long.class)).one();
    }

    /**
     * Deletes a slot with no booked, held or missed meeting; false otherwise. Cancelled bookings in it let go of the
     * slot (they keep their time and place, for the record), so a slot whose meetings were all cancelled can go.
     */
    Mono<Boolean> deleteSlot(long fairId, long slotId) {
        return db.sql("""
                        with slot as (
                            select s.id from fair_slot s where s.id = :id and s.fair_id = :fair
                               and not exists (select 1 from fair_meeting m where m.slot_id = s.id
                                                and m.status in ('BOOKED', 'HELD', 'NO_SHOW'))),
                        let_go as (
                            update fair_meeting m set slot_id = null from slot where m.slot_id = slot.id)
                        delete from fair_slot s using slot where s.id = slot.id""")
                .bind("id", slotId).bind("fair", fairId).fetch().rowsUpdated().map(n -> n > 0);
    }

    Flux<Place> places(long fairId) {
        return db.sql("""
                        select id, fair_id, kind, name, link, position, active from fair_place
                         where fair_id = :fair order by position, id""")
                .bind("fair", fairId).map(SlotRepository::placeOf).all();
    }

    Mono<Integer> lastPosition(long fairId) {
        return db.sql("select coalesce(max(position), 0) from fair_place where fair_id = :fair").bind("fair", fairId)
                .map(row -> row.get(0, Integer.class)).one();
    }

    /** Adds places whose names the fair has not used (taken names skipped); answers how many were added. */
    Mono<Long> addPlaces(long fairId, String kind, List<String> names, List<String> links, int firstPosition) {
        Integer[] positions = new Integer[names.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = firstPosition + i;
        }
        return db.sql("""
                        insert into fair_place (fair_id, kind, name, link, position)
                        select :fair, :kind, n, nullif(l, ''), p from unnest(:names, :links, :positions) as t(n, l, p)
                        on conflict (fair_id, name) do nothing""")
                .bind("fair", fairId).bind("kind", kind).bind("names", names.toArray(String[]::new))
                .bind("links", links.toArray(String[]::new)).bind("positions", positions)
                .fetch().rowsUpdated();
    }

    /** Takes a place out of (or back into) use; booked meetings keep it. */
    Mono<Boolean> setActive(long fairId, long placeId, boolean active) {
        return db.sql("update fair_place set active = :active where id = :id and fair_id = :fair")
                .bind("active", active).bind("id", placeId).bind("fair", fairId).fetch().rowsUpdated().map(n -> n > 0);
    }

    static Place placeOf(Readable row) {
        return new Place(row.get("id", Long.class), row.get("fair_id", Long.class), row.get("kind", String.class),
                row.get("name", String.class), row.get("link", String.class), row.get("position", Integer.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }
}
