package io.livehall.common.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import org.springframework.stereotype.Component;

/**
 * iCalendar files (RFC 5545) that phone and desktop calendars import: times in Asia/Shanghai with its VTIMEZONE, a
 * UID per event that stays the same across downloads (a re-import updates the event instead of adding a second one),
 * CRLF line ends and lines folded at 75 octets (ical4j folds at 75 characters, which for Chinese text is up to 225
 * octets, so the folding is done here). Text values are escaped by ical4j ({@code \\ ; , \n}).
 * <p>
 * A feature builds its events with {@link #event} (adding what it has: description, place, address) and writes
 * them with {@link #write}.
 */
@Component
public class CalendarFile {

    /** The zone every event's times are written in. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final int FOLD_OCTETS = 75;

    private final VTimeZone timeZone;
    private final Clock clock;

    CalendarFile(Clock clock) {
        this.clock = clock;
        // read once at startup: the registry loads the zone's definition from the class path (file I/O)
        this.timeZone = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(SHANGHAI.getId()).getVTimeZone();
    }

    /**
     * An event from {@code start} to {@code end} (Beijing wall time with {@code TZID=Asia/Shanghai}), stamped now, with
     * its lasting UID. The wall time is Java's: ical4j would convert through the zone it reads from its own VTIMEZONE,
     * where China's 1986–91 summer time never ends, and write a summer event an hour late.
     */
    public VEvent event(Instant start, Instant end, String summary, String uid) {
        VEvent event = new VEvent();
        event.replace(new DtStamp(clock.instant()));
        event.add(inShanghai(new DtStart<>(start.atZone(SHANGHAI).toLocalDateTime())));
        event.add(inShanghai(new DtEnd<>(end.atZone(SHANGHAI).toLocalDateTime())));
        event.add(new Summary(summary));
        event.add(new Uid(uid));
        return event;
    }

    private static <P extends net.fortuna.ical4j.model.Property> P inShanghai(P time) {
        time.add(new TzId(SHANGHAI.getId()));
        return time;
    }

    /** The file of these events; {@code product} names the feature, e.g. {@code "Fair meetings"}. */
    public String write(String product, List<VEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Live Hall//" + product + "//ZH"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(timeZone);
        events.forEach(calendar::add);
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
