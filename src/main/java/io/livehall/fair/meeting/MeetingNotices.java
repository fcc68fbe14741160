package io.livehall.fair.meeting;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.livehall.common.notification.Notification;
import io.livehall.fair.PairProgress;
import io.livehall.fair.PairStage;
import io.livehall.fair.meeting.MeetingRepository.Row;
import io.livehall.notification.NotificationCentre;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a meeting change tells the other side (stored and queued for {@code /user/queue/notifications} in the
 * change's transaction, so it is sent if and only if the change committed), and the pipeline progress it makes
 * (through {@link PairProgress} when the pipeline feature is there).
 */
@Component
class MeetingNotices {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(SHANGHAI);

    private final NotificationCentre centre;
    private final ObjectProvider<PairProgress> pipeline;
    private final Clock clock;

    MeetingNotices(NotificationCentre centre, ObjectProvider<PairProgress> pipeline, Clock clock) {
        this.centre = centre;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    Mono<Void> requested(Row row) {
        Meeting m = row.meeting();
        return centre.notify(row.inviteeUser(), Notification.of("fair-meeting-request",
                m.requester().enterprise() + " 向你发起洽谈邀请", m.message().isEmpty() ? null : m.message(),
                link(m), clock));
    }

    Mono<Void> booked(Row row) {
        Meeting m = row.meeting();
        return centre.notify(row.requesterUser(), Notification.of("fair-meeting-booked",
                m.invitee().enterprise() + " 接受了你的洽谈邀请", when(m), link(m), clock));
    }

    /** Declined or cancelled: the side that did not act is told. */
    Mono<Void> moved(Row row, long actorParticipantId) {
        Meeting m = row.meeting();
        boolean byRequesterSide = actorParticipantId == m.requester().participantId();
        long to = byRequesterSide ? row.inviteeUser() : row.requesterUser();
        String who = byRequesterSide ? m.requester().enterprise() : m.invitee().enterprise();
        String title = switch (m.status()) {
            case DECLINED -> who + " 婉拒了洽谈邀请";
            case CANCELLED -> who + " 取消了洽谈";
            default -> null;
        };
        return title == null ? Mono.empty()
                : centre.notify(to, Notification.of("fair-meeting-" + m.status().name().toLowerCase().replace('_', '-'),
                        title, m.reason(), link(m), clock));
    }

    /** An organiser cancelled it: both sides are told, with the reason. */
    Mono<Void> cancelledByOrganiser(Row row) {
        Meeting m = row.meeting();
        String when = when(m);
        String body = when == null ? m.reason() : when + "。原因：" + m.reason();
        return centre.notify(row.requesterUser(), Notification.of("fair-meeting-cancelled",
                        "主办方取消了与 " + m.invitee().enterprise() + " 的洽谈", body, link(m), clock))
                .then(centre.notify(row.inviteeUser(), Notification.of("fair-meeting-cancelled",
                        "主办方取消了与 " + m.requester().enterprise() + " 的洽谈", body, link(m), clock)));
    }

    Mono<Void> reminder(Row row, long userId, Meeting.Party other) {
        Meeting m = row.meeting();
        return centre.notify(userId, Notification.of("fair-meeting-reminder", "与 " + other.enterprise() + " 的洽谈即将开始",
                when(m), link(m), clock));
    }

    /** Moves the pair forward in the pipeline (absent pipeline: nothing to record). */
    Mono<Void> progress(Meeting m, PairStage stage, long byUserId) {
        PairProgress progress = pipeline.getIfAvailable();
        return progress == null ? Mono.empty()
                : progress.reached(m.fairId(), m.requester().participantId(), m.invitee().participantId(), stage, byUserId);
    }

    static String when(Meeting m) {
        String place = m.place() == null ? "" : "，" + m.place().name();
        return m.startsAt() == null ? null : TIME.format(m.startsAt()) + "（北京时间）" + place;
    }

    static String link(Meeting m) {
        return "/fairs/" + m.fairId() + "/meetings";
    }
}
