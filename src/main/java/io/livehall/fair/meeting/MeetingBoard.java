package io.livehall.fair.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.fair.Fair;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.PairStage;
import io.livehall.fair.meeting.MeetingRepository.Row;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The organisers' side of meetings: slots (generated in bulk on a day of the fair, 北京时间), places (tables 1..N or
 * online rooms), the booking grid, marking booked meetings held or missed (no-show) once they have begun, and
 * cancelling a request or a booking with a reason.
 */
@Service
class MeetingBoard {

    static final int MAX_SLOTS = 2_000;
    static final int MAX_PLACES = 2_000;

    /**
     * The grid: slots in time order, places in order, every booked meeting (slot × place), and the requests awaiting
     * an answer (oldest first; each with the slots its requester prefers), which the organisers may cancel.
     */
    record Board(long fairId, String title, String mode, List<Slot> slots, List<Place> places, List<Meeting> meetings,
                 List<Meeting> pending) {
    }

    private final Fairs fairs;
    private final SlotRepository slots;
    private final MeetingRepository meetings;
    private final MeetingNotices notices;
    private final TransactionalOperator tx;
    private final FairActivity activity;
    private final Clock clock;
    private final Tally tally;

    MeetingBoard(Fairs fairs, SlotRepository slots, MeetingRepository meetings, MeetingNotices notices,
                 TransactionalOperator tx, FairActivity activity, Clock clock, Tally tally) {
        this.tally = tally;
        this.fairs = fairs;
        this.slots = slots;
        this.meetings = meetings;
        this.notices = notices;
        this.tx = tx;
        this.activity = activity;
        this.clock = clock;
    }

    Mono<Board> board(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).flatMap(fair -> Mono.zip(slots.slots(fairId).collectList(),
                        slots.places(fairId).collectList(), meetings.bookedAt(fairId).map(Row::meeting).collectList(),
                        meetings.requestedAt(fairId).map(Row::meeting).collectList())
                .map(t -> new Board(fairId, fair.title(), fair.mode().name(), t.getT1(), t.getT2(), t.getT3(),
                        t.getT4())));
    }

    /** Adds the day's slots (those the fair has already: skipped); answers the board. */
    Mono<Board> addSlots(FairStaff who, long fairId, SlotsRequest request) {
        return fairs.runBy(who, fairId).flatMap(fair -> {
            List<Instant[]> times = times(fair, request);
            return slots.countSlots(fairId).flatMap(n -> n + times.size() > MAX_SLOTS
                            ? Mono.error(field("minutes", "一场对接会最多 " + MAX_SLOTS + " 个时段"))
                            : slots.addSlots(fairId, times))
                    .then(board(who, fairId));
        });
    }

    Mono<Board> deleteSlot(FairStaff who, long fairId, long slotId) {
        return fairs.runBy(who, fairId).then(slots.deleteSlot(fairId, slotId))
                .flatMap(deleted -> deleted ? board(who, fairId) : slots.slot(fairId, slotId)
                        .flatMap(s -> Mono.<Board>error(new ApiProblem(HttpStatus.CONFLICT, "slot-used",
                                "该时段已有洽谈，不能删除")))
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("时段"))));
    }

    /** Adds tables {@code name} 1..count (continuing after the fair's last number) or one online room. */
    Mono<Board> addPlaces(FairStaff who, long fairId, PlacesRequest request) {
        boolean room = "ROOM".equals(request.kind());
        if (room && (request.link() == null || request.name() == null)) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "线上洽谈室须填写名称和会议链接",
                    List.of(new FieldProblem(request.name() == null ? "name" : "link", "线上洽谈室须填写名称和会议链接"))));
        }
        int count = room ? 1 : request.count() == null ? 1 : request.count();
        String prefix = request.name() == null ? "洽谈桌" : request.name().strip();
        return fairs.runBy(who, fairId)
                .then(slots.places(fairId).count())
                .flatMap(n -> n + count > MAX_PLACES ? Mono.error(field("count", "一场对接会最多 " + MAX_PLACES + " 个洽谈位"))
                        : slots.lastPosition(fairId))
                .flatMap(last -> {
                    List<String> names = new ArrayList<>();
                    List<String> links = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        names.add(room ? prefix : prefix + " " + (last + i));
                        links.add(room ? request.link() : "");
                    }
                    return slots.addPlaces(fairId, request.kind(), names, links, last + 1);
                })
                .flatMap(added -> added == 0 ? Mono.error(ApiProblem.conflict("place-exists", "name", "该名称已被使用"))
                        : board(who, fairId));
    }

    Mono<Board> setPlaceActive(FairStaff who, long fairId, long placeId, boolean active) {
        return fairs.runBy(who, fairId).then(slots.setActive(fairId, placeId, active))
                .flatMap(done -> done ? board(who, fairId) : Mono.error(ApiProblem.notFound("洽谈位")));
    }

    /** Marks a booked meeting that has begun as held (the pair MET) or missed. */
    Mono<Meeting> mark(FairStaff who, long fairId, long meetingId, MeetingStatus to) {
        return fairs.runBy(who, fairId).then(meetings.find(fairId, meetingId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("洽谈")))
                .flatMap(row -> {
                    Meeting m = row.meeting();
                    if (!m.status().booked()) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-not-booked", "只有已预约的洽谈可以标记"));
                    }
                    if (m.startsAt().isAfter(clock.instant())) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-not-started", "洽谈开始后才能标记"));
                    }
                    return tx.transactional(meetings.move(m.id(), List.of(MeetingStatus.BOOKED, MeetingStatus.HELD,
                                            MeetingStatus.NO_SHOW), to, null, who.userId(), clock.instant())
                                    .then(to == MeetingStatus.HELD ? notices.progress(m, PairStage.MET, who.userId())
                                            : Mono.empty())
                                    .then(meetings.find(fairId, meetingId)))
                            .map(Row::meeting)
                            .flatMap(after -> tallied(fairId, 0, (to == MeetingStatus.HELD ? 1 : 0)
                                    - (m.status() == MeetingStatus.HELD ? 1 : 0)).thenReturn(after))
                            .doOnNext(after -> activity.changed(fairId, FairActivity.What.MEETING, meetingId));
                });
    }

    /** The organisers' dashboard: meetings booked and held in the minute they commit (corrections negative). */
    private Mono<Void> tallied(long fairId, long booked, long held) {
        if (booked == 0 && held == 0) {
            return Mono.empty();
        }
        return tally.add(Tally.fair(fairId), Map.of(Measure.MEETINGS_BOOKED, booked, Measure.MEETINGS_HELD, held));
    }

    /**
     * An organiser cancels a requested meeting, or a booked one before it starts, with a reason: its place and both
     * sides' time are free again, both sides are told (in the transaction), and the pair's progress stays as it is.
     */
    Mono<Meeting> cancel(FairStaff who, long fairId, long meetingId, String reason) {
        return fairs.runBy(who, fairId).then(meetings.find(fairId, meetingId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("洽谈")))
                .flatMap(row -> {
                    Meeting m = row.meeting();
                    if (m.status() != MeetingStatus.REQUESTED && m.status() != MeetingStatus.BOOKED) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-decided", "该洽谈已结束或已取消，不能再取消"));
                    }
                    if (m.status() == MeetingStatus.BOOKED && !m.startsAt().isAfter(clock.instant())) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-started", "洽谈已开始，请标记已洽谈或未到场"));
                    }
                    return tx.transactional(meetings.move(m.id(), List.of(m.status()), MeetingStatus.CANCELLED,
                                            reason.strip(), who.userId(), clock.instant())
                                    .flatMap(moved -> moved ? meetings.freeAttendees(m.id())
                                            : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "meeting-decided",
                                                    "该洽谈的状态已变化，请刷新后再试")))
                                    .then(meetings.find(fairId, meetingId))
                                    .flatMap(after -> notices.cancelledByOrganiser(after).thenReturn(after)))
                            .map(Row::meeting)
                            .flatMap(after -> tallied(fairId, -MeetingRequests.counted(m.status()), 0).thenReturn(after))
                            .doOnNext(after -> activity.changed(fairId, FairActivity.What.MEETING, meetingId));
                });
    }

    /** The slot times of one day of the fair; slots outside the fair's dates are refused. */
    private List<Instant[]> times(Fair fair, SlotsRequest request) {
        int minutes = request.minutes();
        int pause = request.breakMinutes() == null ? 0 : request.breakMinutes();
        LocalDateTime start = LocalDateTime.of(request.date(), request.from());
        LocalDateTime end = LocalDateTime.of(request.date(), request.until());
        if (!end.isAfter(start)) {
            throw field("until", "结束时间须晚于开始时间");
        }
        Instant first = start.atZone(MeetingNotices.SHANGHAI).toInstant();
        Instant last = end.atZone(MeetingNotices.SHANGHAI).toInstant();
        if (first.isBefore(fair.startsAt().minusSeconds(86_400)) || last.isAfter(fair.endsAt().plusSeconds(86_400))) {
            throw field("date", "日期须在对接会举办期间");
        }
        List<Instant[]> times = new ArrayList<>();
        for (Instant s = first; !s.plusSeconds(60L * minutes).isAfter(last); s = s.plusSeconds(60L * (minutes + pause))) {
            times.add(new Instant[] {s, s.plusSeconds(60L * minutes)});
            if (times.size() > MAX_SLOTS) {
                throw field("minutes", "一场对接会最多 " + MAX_SLOTS + " 个时段");
            }
        }
        if (times.isEmpty()) {
            throw field("minutes", "开始与结束之间放不下一个时段");
        }
        return times;
    }

    private static ApiProblem field(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem(field, message)));
    }
}
