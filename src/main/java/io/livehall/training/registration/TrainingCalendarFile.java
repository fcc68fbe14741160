package io.livehall.training.registration;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.livehall.common.calendar.CalendarFile;
import io.livehall.training.TrainingSession;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Url;
import org.springframework.stereotype.Component;

/**
 * Training sessions as an iCalendar file ({@link CalendarFile}: Asia/Shanghai, lasting UIDs, folded lines): one event
 * per session, titled with its series, its lecturer as the description and the session page's address.
 */
@Component
class TrainingCalendarFile {

    private final CalendarFile file;

    TrainingCalendarFile(CalendarFile file) {
        this.file = file;
    }

    static String uid(long sessionId) {
        return "training-session-" + sessionId + "@livehall.io";
    }

    /** The file of these sessions; {@code site} is the platform's address (the session pages are under it). */
    String of(List<TrainingSession> sessions, URI site) {
        List<VEvent> events = sessions.stream().map(s -> {
            VEvent event = file.event(s.startsAt(), s.startsAt().plus(Duration.ofMinutes(s.durationMinutes())),
                    s.seriesTitle() + " · " + s.title(), uid(s.id()));
            event.add(new Description("讲师：" + s.lecturer()));
            event.add(new Url(site.resolve("/training/sessions/" + s.id())));
            return event;
        }).toList();
        return file.write("Training", events);
    }
}
