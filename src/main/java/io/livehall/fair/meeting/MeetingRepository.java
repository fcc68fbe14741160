package io.livehall.fair.meeting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.livehall.fair.ParticipantRole;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of meetings: requests, bookings (the exclusion constraints of V28 decide races), marks. */
@Repository
class MeetingRepository {

    /** A meeting with its two sides' contacts (who is told of changes); the contacts never leave the server. */
    record Row(Meeting meeting, long requesterUser, long inviteeUser, String requestKey, String acceptKey) {
    }

    static final String BOOKED = "('BOOKED', 'HELD', 'NO_SHOW')";
    /** advisory lock keys of bookings: "fmsl" in the high bits, the slot id below */
    private static final long LOCK_SPACE = 0x666d_736cL << 32;
    private static final String MEETING = """
            select m.id, m.fair_id, m.requester_id, re.name as requester_name, rp.role as requester_role,
                   rp.user_id as requester_user, m.invitee_id, ie.name as invitee_name, ip.role as invitee_role,
                   ip.user_id as invitee_user, m.message, m.preferred_slots, m.status, m.reason, m.slot_id, m.place_id,
                   pl.kind as place_kind, pl.name as place_name, pl.link as place_link, m.starts_at, m.ends_at,
                   m.requester_held, m.invitee_held, m.request_key, m.accept_key, m.created_at, m.updated_at
              from fair_meeting m
              join fair_participant rp on rp.id = m.requester_id join enterprise re on re.id = rp.enterprise_id
              join fair_participant ip on ip.id = m.invitee_id join enterprise ie on ie.id = ip.enterprise_id
              left join fair_place pl on pl.id = m.place_id""";

    private final DatabaseClient db;

    MeetingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Row> find(long fairId, long id) {
        return db.sql(MEETING + " where m.id = :id and m.fair_id = :fair").bind("id", id).bind("fair", fairId)
                .map(MeetingRepository::rowOf).one();
    }

    Mono<Row> findByKey(long userId, String key) {
        return db.sql(MEETING + " where m.requested_by = :user and m.request_key = :key").bind("user", userId)
                .bind("key", key).map(MeetingRepository::rowOf).one();
    }

    /** A participant's meetings: booked ones in time order, then requests newest first (at most 500). */
    Flux<Row> ofParticipant(long participantId) {
        return db.sql(MEETING + """
                        \swhere m.requester_id = :p or m.invitee_id = :p
                         order by m.starts_at nulls last, m.id desc limit 500""")
                .bind("p", participantId).map(MeetingRepository::rowOf).all();
    }

    /** A fair's booked, held and missed meetings in time order (the organisers' grid). */
    Flux<Row> bookedAt(long fairId) {
        return db.sql(MEETING + " where m.fair_id = :fair and m.status in " + BOOKED + " order by m.starts_at, m.id")
                .bind("fair", fairId).map(MeetingRepository::rowOf).all();
    }

    /** A fair's requests awaiting an answer, oldest first (the organisers' grid shows them by preferred slot). */
    Flux<Row> requestedAt(long fairId) {
        return db.sql(MEETING + " where m.fair_id = :fair and m.status = 'REQUESTED' order by m.created_at, m.id limit 2000")
                .bind("fair", fairId).map(MeetingRepository::rowOf).all();
    }

    /** Inserts a request; empty if this user already used the key (the unique constraint decides). */
    Mono<Long> insertRequest(long fairId, long requesterId, long inviteeId, long userId, String message,
                             List<Long> slots, String key, Instant now) {
        return db.sql("""
                        insert into fair_meeting (fair_id, requester_id, invitee_id, requested_by, message,
                                                  preferred_slots, request_key, created_at, updated_at)
                        values (:fair, :requester, :invitee, :user, :message, :slots, :key, :now, :now)
                        on conflict (requested_by, request_key) do nothing returning id""")
                .bind("fair", fairId).bind("requester", requesterId).bind("invitee", inviteeId).bind("user", userId)
                .bind("message", message).bind("slots", slots.toArray(Long[]::new)).bind("key", key).bind("now", now)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** How many of the ids are slots of the fair. */
    Mono<Long> countSlots(long fairId, List<Long> slotIds) {
        return db.sql("select count(*) from fair_slot where fair_id = :fair and id = any(:ids)").bind("fair", fairId)
                .bind("ids", slotIds.toArray(Long[]::new)).map(row -> row.get(0, Long.class)).one();
    }

    /**
     * Serialises the bookings of one slot (the caller's transaction holds the lock until it ends), so accepts racing for
     * the same slot take its places one after the other instead of all picking the same first free place and retrying.
     * The exclusion constraints stay the referee (overlapping slots are not serialised with each other).
     */
    Mono<Void> lockSlot(long slotId) {
        return db.sql("select 1 as locked from (select pg_advisory_xact_lock(:k)) l")
                .bind("k", LOCK_SPACE ^ slotId).fetch().all().then();
    }

    /** What a booking took: the place (with what the meeting's answer shows of it) and the time. */
    record Booked(Meeting.Where place, Instant startsAt, Instant endsAt) {
    }

    /**
     * Books a requested meeting in the slot at the first free active place of one of the kinds, and takes both
     * attendees' time, in one statement; empty when it is no longer REQUESTED or no place is free. Two bookings racing
     * for the same place: the exclusion constraint {@code fair_meeting_place_free} fails one of them (the caller
     * retries it); either attendee busy then: {@code fair_meeting_attendee_free} fails it.
     */
    Mono<Booked> book(long fairId, long meetingId, long slotId, List<String> kinds, String key, long userId, Instant now) {
        return db.sql("""
                        with s as (select id, starts_at, ends_at from fair_slot where id = :slot and fair_id = :fair),
                        free as (
                            select p.id, p.kind, p.name, p.link from fair_place p, s
                             where p.fair_id = :fair and p.active and p.kind = any(:kinds)
                               and not exists (select 1 from fair_meeting x where x.place_id = p.id
                                                and x.status in ('BOOKED', 'HELD', 'NO_SHOW')
                                                and tstzrange(x.starts_at, x.ends_at) && tstzrange(s.starts_at, s.ends_at))
                             order by p.position limit 1),
                        booked as (
                            update fair_meeting m
                               set status = 'BOOKED', slot_id = s.id, place_id = free.id, starts_at = s.starts_at,
                                   ends_at = s.ends_at, accept_key = :key, decided_by = :user, decided_at = :now,
                                   updated_at = :now
                              from s, free
                             where m.id = :id and m.fair_id = :fair and m.status = 'REQUESTED'
                            returning m.id, m.requester_id, m.invitee_id, m.starts_at, m.ends_at, free.id as place_id,
                                      free.kind as place_kind, free.name as place_name, free.link as place_link),
                        attendees as (
                            insert into fair_meeting_attendee (meeting_id, participant_id, during)
                            select b.id, p.id, tstzrange(b.starts_at, b.ends_at) from booked b
                             cross join lateral (values (b.requester_id), (b.invitee_id)) as p(id))
                        select place_id, place_kind, place_name, place_link, starts_at, ends_at from booked""")
                .bind("fair", fairId).bind("slot", slotId).bind("kinds", kinds.toArray(String[]::new))
                .bind("key", key).bind("user", userId).bind("now", now).bind("id", meetingId)
                .map(row -> new Booked(new Meeting.Where(row.get("place_id", Long.class), row.get("place_kind", String.class),
                        row.get("place_name", String.class), row.get("place_link", String.class)),
                        row.get("starts_at", Instant.class), row.get("ends_at", Instant.class)))
                .one();
    }

    Mono<Void> freeAttendees(long meetingId) {
        return db.sql("delete from fair_meeting_attendee where meeting_id = :id").bind("id", meetingId)
                .fetch().rowsUpdated().then();
    }

    /** Moves a meeting from one of the statuses to another; false when it was in none of them (a race lost). */
    Mono<Boolean> move(long meetingId, List<MeetingStatus> from, MeetingStatus to, String reason, long userId,
                       Instant now) {
        var spec = db.sql("""
                        update fair_meeting set status = :to, reason = coalesce(:reason, reason), updated_at = :now,
                               decided_by = case when status = 'REQUESTED' then :user else decided_by end,
                               decided_at = case when status = 'REQUESTED' then :now else decided_at end,
                               marked_by = case when :to in ('HELD', 'NO_SHOW') then :user else marked_by end
                         where id = :id and status = any(:from)""")
                .bind("to", to.name()).bind("now", now).bind("user", userId).bind("id", meetingId)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new));
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** One side confirms the booked meeting took place; answers whether both sides have now confirmed. */
    Mono<Boolean> confirmHeld(long meetingId, boolean requester, Instant now) {
        return db.sql("update fair_meeting set " + (requester ? "requester_held" : "invitee_held") + """
                         = true, updated_at = :now
                         where id = :id and status = 'BOOKED' returning requester_held and invitee_held as both""")
                .bind("now", now).bind("id", meetingId)
                .map(row -> Boolean.TRUE.equals(row.get("both", Boolean.class))).one().defaultIfEmpty(false);
    }

    static Row rowOf(Readable row) {
        Long placeId = row.get("place_id", Long.class);
        Long[] slots = row.get("preferred_slots", Long[].class);
        Meeting meeting = new Meeting(row.get("id", Long.class), row.get("fair_id", Long.class),
                new Meeting.Party(row.get("requester_id", Long.class), row.get("requester_name", String.class),
                        ParticipantRole.valueOf(row.get("requester_role", String.class))),
                new Meeting.Party(row.get("invitee_id", Long.class), row.get("invitee_name", String.class),
                        ParticipantRole.valueOf(row.get("invitee_role", String.class))),
                row.get("message", String.class), slots == null ? List.of() : List.copyOf(Arrays.asList(slots)),
                MeetingStatus.valueOf(row.get("status", String.class)), row.get("reason", String.class),
                row.get("slot_id", Long.class),
                placeId == null ? null : new Meeting.Where(placeId, row.get("place_kind", String.class),
                        row.get("place_name", String.class), row.get("place_link", String.class)),
                row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                Boolean.TRUE.equals(row.get("requester_held", Boolean.class)),
                Boolean.TRUE.equals(row.get("invitee_held", Boolean.class)), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
        return new Row(meeting, row.get("requester_user", Long.class), row.get("invitee_user", Long.class),
                row.get("request_key", String.class), row.get("accept_key", String.class));
    }
}
