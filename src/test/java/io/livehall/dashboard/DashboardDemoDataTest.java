package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The demo history: for the demo organiser's fair and series, rows in the minutes their registrations, signed deal and
 * past session happened, as counted by hand; an audience over the session's minutes; the platform's rows their sum;
 * run again, nothing changes; another organiser's events get nothing.
 */
class DashboardDemoDataTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private long demoOrganiser() {
        return db.sql("""
                        with made as (
                            insert into app_user (username, password_hash, display_name, roles)
                            select 'organiser', '{noop}unused', '演示主办方', array['ORGANISER']
                             where not exists (select 1 from app_user where lower(username) = 'organiser')
                            returning id)
                        select id from made union all select id from app_user where lower(username) = 'organiser'""")
                .map(row -> row.get(0, Long.class)).first().block();
    }

    private List<Long> sums(String scope) {
        return db.sql("""
                        select count(*), coalesce(sum(registrations), 0), coalesce(sum(signed_deals), 0),
                               coalesce(sum(signed_amount_fen), 0), coalesce(max(viewers_peak), 0),
                               coalesce(max(unique_viewers), 0), count(*) filter (where viewers_peak > 0)
                          from dashboard_minute where scope = :s""")
                .bind("s", scope)
                .map(row -> List.of(0, 1, 2, 3, 4, 5, 6).stream().map(i -> ((Number) row.get(i)).longValue()).toList())
                .one().block();
    }

    @Test
    void theDemoEventsPastIsWrittenOnceAsItHappened() {
        FairFixtures fx = new FairFixtures(db, context);
        long organiser = demoOrganiser();
        long fair = fx.fair(organiser);
        List<Long> participants = List.of(
                fx.participant(fair, fx.enterprise("演示历史企业甲"), ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED),
                fx.participant(fair, fx.enterprise("演示历史企业乙"), ParticipantRole.BUYER, ParticipantStatus.APPROVED),
                fx.participant(fair, fx.enterprise("演示历史企业丙"), ParticipantRole.BUYER, ParticipantStatus.WITHDRAWN));
        db.sql("update fair_participant set created_at = now() - interval '3 days' where fair_id = :f").bind("f", fair)
                .then().block();
        db.sql("""
                        insert into fair_pair (fair_id, low_participant_id, high_participant_id, stage, intended_amount_fen,
                                               signed_amount_fen, signed_on, updated_at)
                        values (:f, :a, :b, 'SIGNED', 500000, 480000, current_date - 2, now() - interval '2 days')""")
                .bind("f", fair).bind("a", participants.get(0)).bind("b", participants.get(1)).then().block();
        long series = db.sql("insert into training_series (organiser_id, title) values (:o, '演示历史培训') returning id")
                .bind("o", organiser).map(row -> row.get(0, Long.class)).one().block();
        db.sql("""
                        insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url,
                                                      status, started_at, ended_at)
                        values (:s, '往期讲座', '讲师', date_trunc('minute', now()) - interval '2 days', 60, '/demo/loop.m3u8',
                                'ENDED', date_trunc('minute', now()) - interval '2 days',
                                date_trunc('minute', now()) - interval '2 days' + interval '60 minutes')""")
                .bind("s", series).then().block();
        db.sql("""
                        insert into training_registration (series_id, user_id, state, queued_at)
                        values (:s, :u, 'CONFIRMED', now() - interval '4 days')""")
                .bind("s", series).bind("u", fx.account("VIEWER").id()).then().block();
        long others = fx.fair(fx.account("ORGANISER").id());
        fx.participant(others, fx.enterprise("其他主办方企业"), ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);

        DashboardDemoData demo = new DashboardDemoData(db);
        demo.history().block();
        List<Long> fairRows = sums("fair-" + fair);
        List<Long> seriesRows = sums("training-" + series);
        // the fair: two registrations (one withdrawn) in one minute, one signed deal of 4,800 元 in another
        assertThat(fairRows.subList(0, 4)).containsExactly(2L, 2L, 1L, 480_000L);
        // the series: the registration's minute and the 61 minutes of the session, with an audience
        assertThat(seriesRows.get(0)).isEqualTo(62);
        assertThat(seriesRows.get(1)).isEqualTo(1);
        assertThat(seriesRows.get(6)).isEqualTo(61);
        assertThat(seriesRows.get(4)).isBetween(100L, 260L);
        assertThat(seriesRows.get(5)).isGreaterThanOrEqualTo(seriesRows.get(4));
        assertThat(demo.present().block()).isTrue();
        assertThat(sums("fair-" + others).get(0)).isZero();
        // the platform's minute of the signed deal carries it (other demo events may add to the same minute)
        assertThat(db.sql("""
                        select p.signed_amount_fen >= 480000 from dashboard_minute p
                          join dashboard_minute f on f.minute = p.minute and f.scope = :f
                         where p.scope = 'platform' and f.signed_deals = 1""")
                .bind("f", "fair-" + fair).map(row -> row.get(0, Boolean.class)).one().block()).isTrue();

        demo.history().block();
        assertThat(sums("fair-" + fair)).isEqualTo(fairRows);
        assertThat(sums("training-" + series)).isEqualTo(seriesRows);
    }
}
