package io.livehall.fair.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.fair.Fair;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairMode;
import io.livehall.fair.FairStatus;
import io.livehall.fair.Fairs;
import io.livehall.fair.PairStage;
import io.livehall.fair.Participant;
import io.livehall.fair.meeting.MeetingRepository.Row;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A participant's side of meetings: request a meeting of another approved participant (with an Idempotency-Key: a
 * repeat answers the first request; new ones are rate-limited per participant, {@link MeetingRequestLimit}), accept
 * it picking a slot (a free place is assigned; with a key too), decline with a reason, cancel, confirm it took
 * place. Bookings of one slot take a transaction-scoped advisory lock of the slot, so they assign its places one
 * after the other; the database keeps every booking sound whatever the lock:
 * {@code fair_meeting_place_free} (a place hosts one meeting at a time; a booking that lost the race for a place to an
 * overlapping slot's booking retries with the next free one) and
 * {@code fair_meeting_attendee_free} (a participant attends one meeting at a time: 409). Each change notifies the other
 * side in its transaction and moves the pair in the pipeline (request → CONTACTED, held → MET).
 */
@Service
class MeetingRequests {

    record Created(Meeting meeting, boolean created) {
    }

    private final Fairs fairs;
    private final MeetingRepository meetings;
    private final SlotRepository slots;
    private final MeetingNotices notices;
    private final TransactionalOperator tx;
    private final FairActivity activity;
    private final MeetingRequestLimit limit;
    private final Clock clock;
    private final Tally tally;

    MeetingRequests(Fairs fairs, MeetingRepository meetings, SlotRepository slots, MeetingNotices notices,
                    TransactionalOperator tx, FairActivity activity, MeetingRequestLimit limit, Clock clock, Tally tally) {
        this.tally = tally;
        this.fairs = fairs;
        this.meetings = meetings;
        this.slots = slots;
        this.notices = notices;
        this.tx = tx;
        this.activity = activity;
        this.limit = limit;
        this.clock = clock;
    }

    /** The caller's approved participant record (403 before approval; 404 for a fair they may not see). */
    Mono<Participant> me(long fairId, long userId) {
        return fairs.visibleTo(fairId, new io.livehall.fair.FairStaff(userId, false))
                .then(fairs.approvedParticipantOf(fairId, userId));
    }

    /** The participant's meetings: booked ones in time order, then requests newest first. */
    reactor.core.publisher.Flux<Meeting> meetingsOf(long participantId) {
        return meetings.ofParticipant(participantId).map(Row::meeting);
    }

    /** The fair's title (for the calendar file). */
    Mono<String> fairTitle(long fairId) {
        return fairs.find(fairId).map(Fair::title);
    }

    /** The fair's approved participants, by id. */
    reactor.core.publisher.Flux<Participant> counterparts(long fairId) {
        return fairs.approved(fairId);
    }

    Mono<Created> request(long userId, long fairId, String key, MeetingRequest request) {
        List<Long> slotIds = request.slotIds() == null ? List.of() : request.slotIds().stream().distinct().toList();
        String message = request.message() == null ? "" : request.message().strip();
        return me(fairId, userId).flatMap(me -> meetings.findByKey(userId, key)
                .map(row -> new Created(row.meeting(), false))
                .switchIfEmpty(Mono.defer(() -> open(fairId).then(counterpart(fairId, me, request.inviteeId()))
                        .flatMap(invitee -> limit.hit(me.id()).thenReturn(invitee))
                        .flatMap(invitee -> checkSlots(fairId, slotIds).then(tx.transactional(
                                meetings.insertRequest(fairId, me.id(), invitee.id(), userId, message, slotIds, key,
                                                clock.instant())
                                        .flatMap(id -> meetings.find(fairId, id))
                                        .flatMap(row -> notices.requested(row)
                                                .then(notices.progress(row.meeting(), PairStage.CONTACTED, userId))
                                                .thenReturn(new Created(row.meeting(), true)))))
                                .onErrorMap(DataIntegrityViolationException.class, e -> ApiProblem.conflict(
                                        "meeting-open", "inviteeId", "与该企业已有待处理或已预约的洽谈"))
                                .switchIfEmpty(Mono.defer(() -> meetings.findByKey(userId, key)
                                        .map(row -> new Created(row.meeting(), false))))
                                .doOnNext(c -> changed(c.meeting()))))));
    }

    /** The invitee accepts into a slot. The fair read to check the caller's access is the one the booking uses. */
    Mono<Meeting> accept(long userId, long fairId, long meetingId, String key, long slotId) {
        return fairs.visibleTo(fairId, new io.livehall.fair.FairStaff(userId, false)).flatMap(fair -> fairs
                .approvedParticipantOf(fairId, userId).flatMap(me -> mine(fairId, meetingId, me).flatMap(row -> {
                    Meeting m = row.meeting();
                    if (m.status().booked() && key.equals(row.acceptKey())) {
                        return Mono.just(m);
                    }
                    if (m.invitee().participantId() != me.id()) {
                        return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "meeting-not-invitee", "只有受邀方可以接受洽谈"));
                    }
                    if (m.status() != MeetingStatus.REQUESTED) {
                        return Mono.error(decided());
                    }
                    if (!isOpen(fair)) {
                        return Mono.error(closed());
                    }
                    return slots.slot(fairId, slotId)
                            .switchIfEmpty(Mono.error(() -> slotProblem("slotId", "时段不存在")))
                            .filter(slot -> slot.startsAt().isAfter(clock.instant()))
                            .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("slot-past", "slotId", "该时段已开始，请换一个时段")))
                            .flatMap(slot -> book(fair, row, slotId, key, userId));
                })));
    }

    /**
     * Books in one transaction: the slot's advisory lock, then one statement that takes a free place and both sides'
     * time; the answer and the notice are built from the meeting read before and what the booking took (no re-read).
     */
    private Mono<Meeting> book(Fair fair, Row row, long slotId, String key, long userId) {
        List<String> kinds = fair.mode() == FairMode.ONLINE ? List.of("ROOM")
                : fair.mode() == FairMode.OFFLINE ? List.of("TABLE") : List.of("TABLE", "ROOM");
        long id = row.meeting().id();
        Mono<Meeting> once = Mono.defer(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return tx.transactional(meetings.lockSlot(slotId)
                    .then(Mono.defer(() -> meetings.book(fair.id(), id, slotId, kinds, key, userId, now)))
                    .map(booked -> booked(row, slotId, key, booked, now))
                    .flatMap(after -> notices.booked(after).thenReturn(after.meeting())))
                    .flatMap(booked -> tallied(booked.fairId(), 1, 0).thenReturn(booked));
        });
        return once
                .retryWhen(Retry.max(8).filter(e -> BookingFailures.violated(e, "fair_meeting_place_free") || BookingFailures.deadlocked(e)))
                .onErrorMap(e -> BookingFailures.violated(e, "fair_meeting_attendee_free"), e -> ApiProblem.conflict("meeting-busy",
                        "slotId", "你方或对方在该时段已有其他洽谈，请换一个时段"))
                .onErrorMap(e -> BookingFailures.violated(e, "fair_meeting_place_free"), e -> full())
                .switchIfEmpty(Mono.defer(() -> meetings.find(fair.id(), id).flatMap(now -> {
                    if (now.meeting().status().booked() && key.equals(now.acceptKey())) {
                        return Mono.just(now.meeting());
                    }
                    return Mono.error(now.meeting().status() == MeetingStatus.REQUESTED ? full() : decided());
                })))
                .doOnNext(this::changed);
    }

    /** The meeting as the booking left it: what was read before it, with the slot, place, time and key it took. */
    private static Row booked(Row before, long slotId, String key, MeetingRepository.Booked booked, Instant now) {
        Meeting m = before.meeting();
        Meeting after = new Meeting(m.id(), m.fairId(), m.requester(), m.invitee(), m.message(), m.preferredSlots(),
                MeetingStatus.BOOKED, m.reason(), slotId, booked.place(), booked.startsAt(), booked.endsAt(),
                m.requesterHeld(), m.inviteeHeld(), m.createdAt(), now);
        return new Row(after, before.requesterUser(), before.inviteeUser(), before.requestKey(), key);
    }

    Mono<Meeting> decline(long userId, long fairId, long meetingId, String reason) {
        return me(fairId, userId).flatMap(me -> mine(fairId, meetingId, me).flatMap(row -> {
            if (row.meeting().invitee().participantId() != me.id()) {
                return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "meeting-not-invitee", "只有受邀方可以婉拒洽谈"));
            }
            return transition(row, List.of(MeetingStatus.REQUESTED), MeetingStatus.DECLINED, reason.strip(), userId, me.id());
        }));
    }

    /** Either side withdraws a request (the requester) or cancels a booking before it starts. */
    Mono<Meeting> cancel(long userId, long fairId, long meetingId, String reason) {
        return me(fairId, userId).flatMap(me -> mine(fairId, meetingId, me).flatMap(row -> {
            Meeting m = row.meeting();
            if (m.status() == MeetingStatus.REQUESTED && m.requester().participantId() != me.id()) {
                return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-decline-instead", "收到的洽谈请求请选择婉拒"));
            }
            if (m.status() == MeetingStatus.BOOKED && !m.startsAt().isAfter(clock.instant())) {
                return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-started", "洽谈已开始，不能再取消"));
            }
            return transition(row, List.of(MeetingStatus.REQUESTED, MeetingStatus.BOOKED), MeetingStatus.CANCELLED,
                    reason == null || reason.isBlank() ? null : reason.strip(), userId, me.id());
        }));
    }

    /** One side confirms the meeting took place; once both have, it is HELD (and the pair MET). */
    Mono<Meeting> confirmHeld(long userId, long fairId, long meetingId) {
        return me(fairId, userId).flatMap(me -> mine(fairId, meetingId, me).flatMap(row -> {
            Meeting m = row.meeting();
            if (m.status() == MeetingStatus.HELD) {
                return Mono.just(m);
            }
            if (m.status() != MeetingStatus.BOOKED || m.startsAt().isAfter(clock.instant())) {
                return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-not-started", "洽谈开始后才能确认已洽谈"));
            }
            boolean requester = m.requester().participantId() == me.id();
            return tx.transactional(meetings.confirmHeld(m.id(), requester, clock.instant())
                            .flatMap(both -> !both ? Mono.<Void>empty()
                                    : meetings.move(m.id(), List.of(MeetingStatus.BOOKED), MeetingStatus.HELD, null,
                                            userId, clock.instant())
                                            .then(notices.progress(m, PairStage.MET, userId)))
                            .then(meetings.find(fairId, m.id())))
                    .map(Row::meeting)
                    .flatMap(after -> (after.status() == MeetingStatus.HELD ? tallied(fairId, 0, 1) : Mono.<Void>empty())
                            .thenReturn(after))
                    .doOnNext(this::changed);
        }));
    }

    /** Moves a meeting (losing a race: 409), frees its attendees' time unless held or missed, tells the other side. */
    Mono<Meeting> transition(Row row, List<MeetingStatus> from, MeetingStatus to, String reason, long userId,
                             long actorParticipantId) {
        Meeting m = row.meeting();
        return tx.transactional(meetings.move(m.id(), from, to, reason, userId, clock.instant())
                        .flatMap(moved -> moved ? Mono.just(true) : Mono.error(decided()))
                        .then(to.booked() ? Mono.empty() : meetings.freeAttendees(m.id()))
                        .then(meetings.find(m.fairId(), m.id()))
                        .flatMap(after -> notices.moved(after, actorParticipantId).thenReturn(after)))
                .map(Row::meeting)
                .flatMap(after -> tallied(m.fairId(), counted(to) - counted(m.status()), 0).thenReturn(after))
                .doOnNext(this::changed);
    }

    private Mono<Row> mine(long fairId, long meetingId, Participant me) {
        return meetings.find(fairId, meetingId).filter(row -> row.meeting().involves(me.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("洽谈")));
    }

    private Mono<Fair> open(long fairId) {
        return fairs.find(fairId).filter(this::isOpen).switchIfEmpty(Mono.error(MeetingRequests::closed));
    }

    private boolean isOpen(Fair fair) {
        return fair.status() == FairStatus.PUBLISHED && !fair.endedAt(clock.instant());
    }

    private static ApiProblem closed() {
        return new ApiProblem(HttpStatus.CONFLICT, "fair-closed", "对接会已结束或未开放");
    }

    private Mono<Participant> counterpart(long fairId, Participant me, long inviteeId) {
        return fairs.participant(inviteeId)
                .filter(p -> p.fairId() == fairId && p.approved() && p.id() != me.id() && p.enterpriseId() != me.enterpriseId())
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "企业不存在",
                        List.of(new FieldProblem("inviteeId", "请选择本场对接会已通过审核的其他企业")))));
    }

    private Mono<Void> checkSlots(long fairId, List<Long> slotIds) {
        if (slotIds.isEmpty()) {
            return Mono.empty();
        }
        return meetings.countSlots(fairId, slotIds).flatMap(n -> n == slotIds.size() ? Mono.<Void>empty()
                : Mono.error(slotProblem("slotIds", "意向时段须为本场对接会的时段")));
    }

    /** Whether a meeting in this status counts as booked on the organisers' figures (booked, held or missed). */
    static long counted(MeetingStatus status) {
        return status == MeetingStatus.BOOKED || status == MeetingStatus.HELD || status == MeetingStatus.NO_SHOW ? 1 : 0;
    }

    /** The organisers' dashboard: meetings booked and held in the minute they commit (a cancellation: −1). */
    private Mono<Void> tallied(long fairId, long booked, long held) {
        if (booked == 0 && held == 0) {
            return Mono.empty();
        }
        return tally.add(Tally.fair(fairId), Map.of(Measure.MEETINGS_BOOKED, booked, Measure.MEETINGS_HELD, held));
    }

    private void changed(Meeting m) {
        activity.changed(m.fairId(), FairActivity.What.MEETING, m.id());
    }

    static ApiProblem slotProblem(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem(field, message)));
    }

    private static ApiProblem full() {
        return ApiProblem.conflict("slot-full", "slotId", "该时段的洽谈位已满，请换一个时段");
    }

    private static ApiProblem decided() {
        return new ApiProblem(HttpStatus.CONFLICT, "meeting-decided", "该洽谈的状态已变化，请刷新后再试");
    }
}
