package io.livehall.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.training.registration.RegistrationFixtures.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reminders go out once per (session, user, offset) even when two runs race on the real database; late ones still go
 * while the session has not started; none for a started session or an offset that had passed at registration.
 */
class RegistrationRemindersTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RegistrationReminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long reminded(long userId, long sessionId) {
        return db.sql("select count(*) from user_notification where user_id = :u and type = 'training-reminder' and link = :link")
                .bind("u", userId).bind("link", "/training/sessions/" + sessionId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void twoRacingRunsSendEachDueReminderOnceAndOnlyDueOnes() {
        RegistrationFixtures f = new RegistrationFixtures(http, db, context);
        Account org = f.user("ORGANISER");
        List<Account> people = f.users("VIEWER", 3);
        Instant now = clock.instant();
        clock.set(now);
        long seriesId = f.series(org, "提醒系列");
        long later = f.session(org, seriesId, "四十分钟后的课", now.plus(Duration.ofMinutes(40)), List.of());
        long soon = f.session(org, seriesId, "十分钟后的课", now.plus(Duration.ofMinutes(10)), List.of());
        Map<String, Object> s = new HashMap<>();
        s.put("mode", "OPEN");
        s.put("phone", "OPTIONAL");
        s.put("reminderOffsets", List.of(60, 35, 5));
        f.settings(org, seriesId, s);
        f.send("POST", people.get(0).token(), "/api/training/series/" + seriesId + "/registration", Map.of("phone", "13700001111"))
                .expectStatus().isOk();
        f.send("POST", people.get(1).token(), "/api/training/series/" + seriesId + "/registration", Map.of())
                .expectStatus().isOk();
        f.send("POST", people.get(2).token(), "/api/training/series/" + seriesId + "/registration", Map.of())
                .expectStatus().isOk();
        f.send("DELETE", people.get(2).token(), "/api/training/series/" + seriesId + "/registration", null).expectStatus().isOk();

        // the job was down for 20 minutes: "35 before the later session" (due at +5) is late but still sent;
        // "60 before" had passed at registration; the sooner session has started by now; "5 before" is not due yet
        clock.set(now.plus(Duration.ofMinutes(20)));
        List<Integer> runs = Mono.zip(reminders.sendDue().subscribeOn(Schedulers.parallel()),
                        reminders.sendDue().subscribeOn(Schedulers.boundedElastic()))
                .map(t -> List.of(t.getT1(), t.getT2())).block(Duration.ofSeconds(30));
        assertThat(runs).hasSize(2);
        for (Account p : people.subList(0, 2)) {
            assertThat(reminded(p.id(), later)).isEqualTo(1);
            assertThat(reminded(p.id(), soon)).isZero();
        }
        assertThat(reminded(people.get(2).id(), later)).as("cancelled").isZero();
        assertThat(db.sql("select offset_minutes from training_reminder_sent where session_id = :s and user_id = :u")
                .bind("s", later).bind("u", people.get(0).id()).map(row -> row.get(0, Integer.class)).all().collectList().block())
                .containsExactly(35);
        // another run finds nothing more
        reminders.sendDue().block(Duration.ofSeconds(30));
        assertThat(reminded(people.get(0).id(), later)).isEqualTo(1);

        // 5 minutes before the later session: the second reminder
        clock.set(now.plus(Duration.ofMinutes(36)));
        Mono.zip(reminders.sendDue().subscribeOn(Schedulers.parallel()), reminders.sendDue().subscribeOn(Schedulers.parallel()))
                .block(Duration.ofSeconds(30));
        assertThat(reminded(people.get(0).id(), later)).isEqualTo(2);
        assertThat(reminded(people.get(1).id(), later)).isEqualTo(2);

        // once the session has begun, nothing more
        clock.set(now.plus(Duration.ofMinutes(41)));
        reminders.sendDue().block(Duration.ofSeconds(30));
        assertThat(reminded(people.get(0).id(), later)).isEqualTo(2);
        String title = db.sql("select title from user_notification where user_id = :u and type = 'training-reminder' order by id limit 1")
                .bind("u", people.get(0).id()).map(row -> row.get(0, String.class)).one().block();
        assertThat(title).isEqualTo("「四十分钟后的课」35 分钟后开始");
    }

    @Test
    void reminderTextsReadNaturally() {
        assertThat(RegistrationReminders.before(1440)).isEqualTo("1 天后");
        assertThat(RegistrationReminders.before(120)).isEqualTo("2 小时后");
        assertThat(RegistrationReminders.before(30)).isEqualTo("30 分钟后");
        assertThat(Phones.mask("13812341234")).isEqualTo("138****1234");
        assertThat(Phones.maskEmail("wang@example.com")).isEqualTo("w***@example.com");
        assertThat(RegistrationCsv.safe("-1+1")).isEqualTo("'-1+1");
        assertThat(RegistrationCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RegistrationCsv.safe("宁夏")).isEqualTo("宁夏");
    }
}
