package io.livehall.fair.meeting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import org.springframework.stereotype.Component;

/**
 * A participant's booked meetings as an iCalendar file (RFC 5545): times in Asia/Shanghai with its VTIMEZONE, a UID per
 * meeting that stays the same across downloads (a re-import updates the event), the place (an online room's link as
 * the URL), CRLF line ends and lines folded at 75 octets.
 */
@Component
class MeetingCalendarFile {

    private static final int FOLD_OCTETS = 75;

    private final VTimeZone timeZone;
    private final Clock clock;

    MeetingCalendarFile(Clock clock) {
        this.clock = clock;
        // read once at startup: the registry loads the zone's definition from the class path (file I/O)
        this.timeZone = TimeZoneRegistryFactory.getInstance().createRegistry()
                .getTimeZone(MeetingNotices.SHANGHAI.getId()).getVTimeZone();
    }

    static String uid(long meetingId) {
        return "fair-meeting-" + meetingId + "@livehall.io";
    }

    /** The file of my booked (not cancelled) meetings; {@code site} is the platform's address. */
    String of(List<Meeting> meetings, long me, String fairTitle, URI site) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Live Hall//Fair meetings//ZH"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(timeZone);
        for (Meeting m : meetings) {
            if (m.status() != MeetingStatus.BOOKED && m.status() != MeetingStatus.HELD) {
                continue;
            }
            VEvent event = new VEvent(m.startsAt().atZone(MeetingNotices.SHANGHAI),
                    m.endsAt().atZone(MeetingNotices.SHANGHAI), "洽谈：" + m.other(me).enterprise());
            event.replace(new DtStamp(clock.instant()));
            event.add(new Uid(uid(m.id())));
            event.add(new Description(fairTitle + (m.message().isEmpty() ? "" : "\n" + m.message())));
            if (m.place() != null) {
                event.add(new Location(m.place().name()));
            }
            event.add(new Url(m.place() != null && m.place().link() != null ? URI.create(m.place().link())
                    : site.resolve(MeetingNotices.link(m))));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fold(out.toString());
    }

    /** RFC 5545 §3.1: CRLF line ends; a line longer than 75 octets continues on the next after CRLF and a space. */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n|\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > FOLD_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }
}
