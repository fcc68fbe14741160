package io.livehall.training.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.livehall.common.error.ApiProblem;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import io.livehall.training.TrainingStatus;
import io.livehall.training.attendance.AttendanceViews.AttendeeRow;
import io.livehall.training.attendance.AttendanceViews.Mine;
import io.livehall.training.attendance.AttendanceViews.Report;
import io.livehall.training.attendance.AttendanceViews.Summary;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Attendance of a session: per attendee (accounts) stays and live watch time from {@link WatchSlots}, the room's
 * figures from presence (guests included), and what the other training features count (registrations, check-ins,
 * questions, replay: {@link AttendanceFacts}). Only the series' organiser (or an admin) reads a session's report; an
 * attendee reads their own record.
 */
@Service
class AttendanceService {

    private final AttendanceRepository repository;
    private final TrainingSessions sessions;
    private final RoomFiguresKeeper figures;
    private final AttendanceFacts facts;

    AttendanceService(AttendanceRepository repository, TrainingSessions sessions, RoomFiguresKeeper figures,
                      AttendanceFacts facts) {
        this.repository = repository;
        this.sessions = sessions;
        this.figures = figures;
        this.facts = facts;
    }

    Mono<Report> report(TrainingStaff who, long sessionId) {
        return sessions.runBy(who, sessionId).flatMap(this::report);
    }

    /**
     * The report: every account that watched live (first to join first), then those who only watched the replay or
     * checked in or asked without a live slot (a phone that never subscribed, say), so the list and its CSV hold
     * everyone the session counted.
     */
    Mono<Report> report(TrainingSession s) {
        return Mono.zip(repository.attendees(s.id()).collectList(), figures.of(s), rule(s), facts.of(s))
                .flatMap(t -> {
                    List<Attendee> attendees = t.getT1();
                    AttendanceFacts.Facts f = t.getT4();
                    Set<Long> live = attendees.stream().map(Attendee::userId).collect(Collectors.toSet());
                    List<Long> others = f.people().stream().map(AttendanceFacts.Person::userId)
                            .filter(id -> !live.contains(id)).sorted().toList();
                    return repository.names(others).map(names -> build(s, attendees, names, t.getT2(), t.getT3(), f));
                });
    }

    private static Report build(TrainingSession s, List<Attendee> attendees, Map<Long, String> others, RoomFigures room,
                                CertificateRule rule, AttendanceFacts.Facts f) {
        Map<Long, AttendanceFacts.Person> people = f.people().stream()
                .collect(Collectors.toMap(AttendanceFacts.Person::userId, Function.identity(), (a, b) -> a));
        List<AttendeeRow> rows = new ArrayList<>();
        for (Attendee a : attendees) {
            AttendanceFacts.Person p = people.getOrDefault(a.userId(), AttendanceFacts.Person.none(a.userId()));
            rows.add(new AttendeeRow(a.userId(), a.name(), a.firstJoin(), a.lastLeave(), a.stays().size(),
                    a.liveSeconds(), p.replaySeconds(), p.checkedIn(), p.questions(),
                    eligible(rule, a.liveSeconds(), p.replaySeconds())));
        }
        others.forEach((id, name) -> {
            AttendanceFacts.Person p = people.get(id);
            rows.add(new AttendeeRow(id, name, null, null, 0, 0, p.replaySeconds(), p.checkedIn(), p.questions(),
                    eligible(rule, 0, p.replaySeconds())));
        });
        long attendeeSeconds = attendees.stream().mapToLong(Attendee::liveSeconds).sum();
        long checkedIn = f.checkedIn();
        Summary summary = new Summary(s.id(), s.title(), s.seriesTitle(), s.status().name(), s.startsAt(),
                f.registered(), attendees.size(), room.peak(), room.unique(), room.watchSeconds(),
                attendeeSeconds, attendees.isEmpty() ? 0 : attendeeSeconds / attendees.size(), checkedIn,
                f.registered() == 0 ? null : Math.min(1.0, (double) checkedIn / f.registered()),
                f.questions(), f.replayViews(), f.replayWatchSeconds(), rule.minWatchMinutes(),
                rule.includeReplay(), rows.stream().filter(AttendeeRow::eligible).count());
        return new Report(summary, rows);
    }

    Mono<Mine> mine(long userId, long sessionId) {
        return sessions.find(sessionId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")))
                .flatMap(s -> Mono.zip(repository.attendee(sessionId, userId)
                                        .defaultIfEmpty(new Attendee(userId, "", 0, List.of())),
                                facts.person(s, userId), rule(s),
                                repository.certificateOf(sessionId, userId).map(Certificate::code).defaultIfEmpty(""))
                        .map(t -> {
                            Attendee a = t.getT1();
                            AttendanceFacts.Person p = t.getT2();
                            CertificateRule rule = t.getT3();
                            return new Mine(sessionId, a.liveSeconds(), p.replaySeconds(), a.stays(), p.checkedIn(),
                                    p.questions(), rule.minWatchMinutes(), rule.includeReplay(),
                                    eligible(rule, a.liveSeconds(), p.replaySeconds()), over(s),
                                    t.getT4().isEmpty() ? null : t.getT4());
                        }));
    }

    Mono<CertificateRule> rule(TrainingSession s) {
        return repository.rule(s.seriesId()).defaultIfEmpty(CertificateRule.defaultFor(s.durationMinutes()));
    }

    static boolean eligible(CertificateRule rule, long liveSeconds, long replaySeconds) {
        long counted = liveSeconds + (rule.includeReplay() ? replaySeconds : 0);
        return counted >= rule.minWatchMinutes() * 60L;
    }

    static boolean over(TrainingSession s) {
        return s.status() == TrainingStatus.ENDED || s.status() == TrainingStatus.REPLAY_AVAILABLE;
    }
}
