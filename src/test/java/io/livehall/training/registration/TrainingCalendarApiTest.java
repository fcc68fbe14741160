package io.livehall.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;

import io.livehall.IntegrationTest;
import io.livehall.training.registration.RegistrationFixtures.Account;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The .ics files parse back with ical4j: Asia/Shanghai times, stable UIDs, the page's URL, CRLF and folded lines. */
class TrainingCalendarApiTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;

    @Test
    void aSessionsAndASeriesCalendarFileParseBackInShanghaiTime() throws Exception {
        RegistrationFixtures f = new RegistrationFixtures(http, db, context);
        Account org = f.user("ORGANISER");
        long seriesId = f.series(org, "宁夏中小企业高质量发展系列培训（日历测试，一个足够长的标题用来检验折行）");
        Instant start = clock.instant().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long first = f.session(org, seriesId, "趋势篇：中小企业数字化转型趋势", start, List.of());
        long second = f.session(org, seriesId, "政策篇", start.plus(1, ChronoUnit.DAYS), List.of());

        byte[] bytes = f.send("GET", null, "/api/training/sessions/" + first + "/calendar.ics", null).expectStatus().isOk()
                .expectHeader().contentType("text/calendar;charset=UTF-8")
                .expectHeader().valueMatches("Content-Disposition", "attachment;.*training-session-" + first + "\\.ics.*")
                .expectBody().returnResult().getResponseBody();
        String ics = new String(bytes, StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).contains("\r\n "); // the long summary is folded

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
        assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("Asia/Shanghai");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("training-session-" + first + "@livehall.io");
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("宁夏中小企业高质量发展系列培训（日历测试，一个足够长的标题用来检验折行） · 趋势篇：中小企业数字化转型趋势");
        assertThat(event.getProperty("URL").orElseThrow().getValue()).endsWith("/training/sessions/" + first);
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Shanghai");
        Temporal dtStart = event.getStartDate().orElseThrow().getDate();
        Temporal dtEnd = event.getEndDate().orElseThrow().getDate();
        ZonedDateTime expected = start.atZone(SHANGHAI);
        // the Beijing wall time as written (ical4j's zone read from the VTIMEZONE keeps China's 1986–91 summer time on
        // from April to September, so its instants are an hour off in those months: only the wall time is compared)
        assertThat(((ZonedDateTime) dtStart).toLocalDateTime()).isEqualTo(expected.toLocalDateTime());
        assertThat(((ZonedDateTime) dtEnd).toLocalDateTime())
                .isEqualTo(start.plus(90, ChronoUnit.MINUTES).atZone(SHANGHAI).toLocalDateTime());

        String series = f.send("GET", null, "/api/training/series/" + seriesId + "/calendar.ics", null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Calendar both = new CalendarBuilder().build(new StringReader(series));
        List<String> uids = both.getComponents("VEVENT").stream()
                .map(c -> c.getProperty("UID").orElseThrow().getValue()).toList();
        assertThat(uids).containsExactly("training-session-" + first + "@livehall.io", "training-session-" + second + "@livehall.io");

        f.send("GET", null, "/api/training/sessions/999999999/calendar.ics", null).expectStatus().isNotFound();
        f.send("GET", null, "/api/training/series/999999999/calendar.ics", null).expectStatus().isNotFound();
    }
}
