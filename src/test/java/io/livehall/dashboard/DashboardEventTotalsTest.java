package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The events' running totals of a scope that covers several fairs and series (an organiser's {@code mine}, the
 * platform) equal the hand-counted sum of their parts: registrations (fair participants not withdrawn, confirmed series
 * places), check-ins, intentions, signed deals and amounts. They are read in one query per source whatever the number
 * of events, so the platform covers every fair and series (not the newest 200 as before).
 */
class DashboardEventTotalsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String snapshot(Account who, String scope) {
        return http.get().uri("/api/dashboard/" + scope).header("Authorization", "Bearer " + who.token()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static long number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    @Test
    void anOrganisersFairsAndSeriesAddUpAndThePlatformCoversEveryEvent() {
        FairFixtures fx = new FairFixtures(db, context);
        Account organiser = fx.account("ORGANISER");
        // three fairs: fair i has i + 1 approved participants, one withdrawn (not counted), i signed pairs of 1,000 元
        // and (from the second on) one pair at INTENTION
        long registrations = 0;
        long signed = 0;
        for (int i = 1; i <= 3; i++) {
            long fair = fx.fair(organiser.id());
            List<Long> participants = new ArrayList<>();
            for (int p = 0; p <= i; p++) {
                participants.add(fx.participant(fair, fx.enterprise("测试企业" + i + "-" + p), ParticipantRole.SUPPLIER,
                        ParticipantStatus.APPROVED));
            }
            fx.participant(fair, fx.enterprise("退出企业" + i), ParticipantRole.BUYER, ParticipantStatus.WITHDRAWN);
            registrations += i + 1;
            for (int s = 0; s < i; s++) {
                pair(fair, participants.get(s), participants.get(s + 1), "SIGNED");
                signed++;
            }
            if (i > 1) {
                pair(fair, participants.get(0), participants.get(i), "INTENTION");
            }
        }
        // two series: series j has j + 1 confirmed places and one waiting (not counted); one session with two
        // check-ins, j people at each
        long checkIns = 0;
        for (int j = 1; j <= 2; j++) {
            long series = db.sql("insert into training_series (organiser_id, title) values (:o, '汇总培训') returning id")
                    .bind("o", organiser.id()).map(row -> row.get(0, Long.class)).one().block();
            for (int r = 0; r <= j; r++) {
                register(series, fx.account("VIEWER").id(), "CONFIRMED");
            }
            register(series, fx.account("VIEWER").id(), "WAITLISTED");
            registrations += j + 1;
            long session = db.sql("""
                            insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url)
                            values (:s, '第一讲', '讲师', now(), 60, '/demo/loop.m3u8') returning id""")
                    .bind("s", series).map(row -> row.get(0, Long.class)).one().block();
            for (int c = 0; c < 2; c++) {
                long checkIn = db.sql("""
                                insert into training_checkin (session_id, code, opens_at, closes_at, started_by)
                                values (:s, '1234', now(), now() + interval '5 minutes', :o) returning id""")
                        .bind("s", session).bind("o", organiser.id()).map(row -> row.get(0, Long.class)).one().block();
                for (int u = 0; u < j; u++) {
                    db.sql("insert into training_checkin_record (checkin_id, user_id, at) values (:c, :u, now())")
                            .bind("c", checkIn).bind("u", fx.account("VIEWER").id()).then().block();
                    checkIns++;
                }
            }
        }

        String mine = snapshot(organiser, "mine");
        assertThat(number(mine, "$.totals.registrations")).isEqualTo(registrations).isEqualTo(2 + 3 + 4 + 2 + 3);
        assertThat(number(mine, "$.totals.checkIns")).isEqualTo(checkIns).isEqualTo(2 + 4);
        assertThat(number(mine, "$.totals.signedDeals")).isEqualTo(signed).isEqualTo(1 + 2 + 3);
        assertThat(number(mine, "$.totals.intentions")).isEqualTo(1 + (2 + 1) + (3 + 1));
        assertThat(number(mine, "$.totals.signedAmountFen")).isEqualTo(signed * 100_000);

        // the platform: every fair and series there is, as counted straight from the tables
        Account admin = fx.account("ADMIN");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String platform = snapshot(admin, "platform");
            assertThat(number(platform, "$.totals.registrations")).isEqualTo(
                    count("select count(*) from fair_participant where status <> 'WITHDRAWN'")
                            + count("select count(*) from training_registration where state = 'CONFIRMED'"));
            assertThat(number(platform, "$.totals.checkIns")).isEqualTo(count("select count(*) from training_checkin_record"));
            assertThat(number(platform, "$.totals.signedDeals"))
                    .isEqualTo(count("select count(*) from fair_pair where stage = 'SIGNED'"));
        });
    }

    private void pair(long fair, long a, long b, String stage) {
        db.sql("""
                        insert into fair_pair (fair_id, low_participant_id, high_participant_id, stage, intended_amount_fen,
                                               signed_amount_fen, signed_on)
                        values (:f, :a, :b, :stage, 100000, case when :stage = 'SIGNED' then 100000 end,
                                case when :stage = 'SIGNED' then current_date end)""")
                .bind("f", fair).bind("a", Math.min(a, b)).bind("b", Math.max(a, b)).bind("stage", stage).then().block();
    }

    private void register(long series, long user, String state) {
        db.sql("insert into training_registration (series_id, user_id, state, queued_at) values (:s, :u, :st, now())")
                .bind("s", series).bind("u", user).bind("st", state).then().block();
    }
}
