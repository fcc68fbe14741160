package io.livehall.fair.meeting;

import java.net.URI;
import java.util.List;

import io.livehall.common.calendar.CalendarFile;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Url;
import org.springframework.stereotype.Component;

/**
 * A participant's booked meetings as an iCalendar file ({@link CalendarFile}: Asia/Shanghai, lasting UIDs, folded
 * lines): one event per booked or held meeting, with the other side's enterprise, the fair and the message, the
 * place (an online room's link as the URL, else the meeting's page).
 */
@Component
class MeetingCalendarFile {

    private final CalendarFile file;

    MeetingCalendarFile(CalendarFile file) {
        this.file = file;
    }

    static String uid(long meetingId) {
        return "fair-meeting-" + meetingId + "@livehall.io";
    }

    /** The file of my booked (not cancelled) meetings; {@code site} is the platform's address. */
    String of(List<Meeting> meetings, long me, String fairTitle, URI site) {
        List<VEvent> events = meetings.stream()
                .filter(m -> m.status() == MeetingStatus.BOOKED || m.status() == MeetingStatus.HELD)
                .map(m -> {
                    VEvent event = file.event(m.startsAt(), m.endsAt(), "洽谈：" + m.other(me).enterprise(), uid(m.id()));
                    event.add(new Description(fairTitle + (m.message().isEmpty() ? "" : "\n" + m.message())));
                    if (m.place() != null) {
                        event.add(new Location(m.place().name()));
                    }
                    event.add(new Url(m.place() != null && m.place().link() != null ? URI.create(m.place().link())
                            : site.resolve(MeetingNotices.link(m))));
                    return event;
                }).toList();
        return file.write("Fair meetings", events);
    }
}
