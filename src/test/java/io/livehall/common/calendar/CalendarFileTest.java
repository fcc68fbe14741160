package io.livehall.common.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import org.junit.jupiter.api.Test;

/**
 * The shared .ics writer: what it writes parses back with ical4j (Asia/Shanghai times with the zone's VTIMEZONE, the
 * UID, the stamp from the clock, text escaped), CRLF line ends, no line longer than 75 octets and no character split.
 */
class CalendarFileTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private final CalendarFile file = new CalendarFile(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void writesEventsThatParseBack() throws Exception {
        Instant start = Instant.parse("2026-01-20T02:00:00Z");
        VEvent event = file.event(start, start.plusSeconds(1800), "洽谈：" + "长".repeat(60), "thing-1@livehall.io");
        event.add(new Description("第一行\n第二行；逗号，, semicolon; backslash\\"));
        String text = file.write("Tests", List.of(event));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        // Beijing wall time in the file (the parsed zone is ical4j's own, read from the VTIMEZONE: only its instant
        // is compared)
        assertThat(text).contains("DTSTART;TZID=Asia/Shanghai:20260120T100000\r\n",
                "DTEND;TZID=Asia/Shanghai:20260120T103000\r\n", "DTSTAMP:20260501T000000Z\r\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.getProperty("PRODID").orElseThrow().getValue()).isEqualTo("-//Live Hall//Tests//ZH");
        assertThat(calendar.getComponent("VTIMEZONE").orElseThrow().getProperty("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Shanghai");
        VEvent parsed = (VEvent) calendar.getComponents("VEVENT").get(0);
        assertThat(parsed.getUid().orElseThrow().getValue()).isEqualTo("thing-1@livehall.io");
        assertThat(parsed.getSummary().getValue()).isEqualTo("洽谈：" + "长".repeat(60));
        assertThat(parsed.getDescription().getValue()).isEqualTo("第一行\n第二行；逗号，, semicolon; backslash\\");
        Temporal begins = parsed.getDateTimeStart().getDate();
        assertThat(begins).isInstanceOf(ZonedDateTime.class);
        assertThat(parsed.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Shanghai");
        assertThat(((ZonedDateTime) begins).toInstant()).isEqualTo(start);
        assertThat(((ZonedDateTime) parsed.getDateTimeEnd().getDate()).toInstant()).isEqualTo(start.plusSeconds(1800));
        assertThat(parsed.getDateTimeStamp().getDate()).isEqualTo(NOW);
    }

    /** China has had no summer time since 1991: a summer event is written at its Beijing wall time too. */
    @Test
    void summerEventsAreWrittenAtBeijingTime() {
        Instant start = Instant.parse("2026-07-15T06:30:00Z");
        String text = file.write("Tests", List.of(file.event(start, start.plusSeconds(3600), "夏季", "summer@livehall.io")));
        assertThat(text).contains("DTSTART;TZID=Asia/Shanghai:20260715T143000\r\n",
                "DTEND;TZID=Asia/Shanghai:20260715T153000\r\n");
    }

    @Test
    void foldingNeverSplitsACharacter() {
        String folded = CalendarFile.fold("SUMMARY:" + "中".repeat(40) + "😀".repeat(10));
        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + "中".repeat(40) + "😀".repeat(10) + "\r\n");
    }
}
