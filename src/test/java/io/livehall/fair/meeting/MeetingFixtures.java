package io.livehall.fair.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A fair with an organiser, slots and places, and approved participants, for the meeting tests. */
final class MeetingFixtures {

    /** A participant: its enterprise's member (with a token) and its participant id. */
    record Side(Member member, long participantId) {
        String token() {
            return member.token();
        }
    }

    final ApplicationContext context;
    final FairFixtures fx;
    final WebTestClient http;
    final DatabaseClient db;
    final Account organiser;
    final long fairId;

    MeetingFixtures(ApplicationContext context, WebTestClient http, DatabaseClient db) {
        this.context = context;
        this.fx = new FairFixtures(db, context);
        this.http = http;
        this.db = db;
        this.organiser = fx.account("ORGANISER");
        this.fairId = fx.fair(organiser.id());
    }

    Side side(String name) {
        return side(name, ParticipantStatus.APPROVED);
    }

    Side side(String name, ParticipantStatus status) {
        Member m = fx.enterprise(name + "-" + UUID.randomUUID().toString().substring(0, 6));
        return new Side(m, fx.participant(fairId, m, ParticipantRole.BOTH, status));
    }

    /**
     * {@code n} approved participants written in bulk (for the big races), each with a member account; tokens minted
     * only where {@code withTokens}.
     */
    List<Side> sides(int n, boolean withTokens) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<long[]> rows = db.sql("""
                        with e as (
                            insert into enterprise (name, credit_code, region, industry, size, tier)
                            select '批量企业-' || :tag || '-' || g, '91' || upper(substr(md5(:tag || g), 1, 16)),
                                   '安徽省合肥市', '汽车零部件', 'SMALL', 'NONE' from generate_series(1, :n) g
                            returning id),
                        u as (
                            insert into app_user (username, password_hash, display_name, roles, enterprise_id)
                            select 'bulk-' || :tag || '-' || e.id, '{noop}unused', '批量账号', array['VIEWER'], e.id from e
                            returning id, enterprise_id)
                        insert into fair_participant (fair_id, enterprise_id, user_id, role, status)
                        select :fair, u.enterprise_id, u.id, 'BOTH', 'APPROVED' from u
                        returning id, enterprise_id, user_id""")
                .bind("tag", tag).bind("n", n).bind("fair", fairId)
                .map(row -> new long[] {row.get("id", Long.class), row.get("enterprise_id", Long.class),
                        row.get("user_id", Long.class)})
                .all().collectList().block();
        return rows.stream().map(r -> new Side(new Member(r[1], r[2], withTokens
                ? io.livehall.identity.TestTokens.mint(context, r[2]) : null), r[0])).toList();
    }

    /** Requests written straight into the database: {@code from[i]} asks {@code to[i]}; answers the meeting ids. */
    List<Long> requests(List<Side> from, List<Side> to) {
        return db.sql("""
                        insert into fair_meeting (fair_id, requester_id, invitee_id, requested_by, request_key)
                        select :fair, a, b, p.user_id, 'bulk-' || a from unnest(:from, :to) as t(a, b)
                          join fair_participant p on p.id = a
                        returning id""")
                .bind("fair", fairId).bind("from", from.stream().map(Side::participantId).toArray(Long[]::new))
                .bind("to", to.stream().map(Side::participantId).toArray(Long[]::new))
                .map(row -> row.get(0, Long.class)).all().collectList().block();
    }

    /** The fair's first day in 北京时间 (it starts tomorrow). */
    LocalDate day() {
        Instant start = db.sql("select starts_at from fair where id = :id").bind("id", fairId)
                .map(row -> row.get(0, Instant.class)).one().block();
        return LocalDate.ofInstant(start, MeetingNotices.SHANGHAI).plusDays(1);
    }

    /** {@code count} slots of {@code minutes} from 09:00 on the fair's day, and {@code tables} tables. */
    MeetingBoard.Board setUp(int count, int minutes, int tables) {
        String until = java.time.LocalTime.of(9, 0).plusMinutes((long) count * minutes).toString();
        send("POST", organiser.token(), "/api/organiser/fairs/" + fairId + "/slots",
                Map.of("date", day().toString(), "from", "09:00", "until", until, "minutes", minutes))
                .expectStatus().isOk();
        return send("POST", organiser.token(), "/api/organiser/fairs/" + fairId + "/places",
                Map.of("kind", "TABLE", "count", tables)).expectStatus().isOk()
                .expectBody(MeetingBoard.Board.class).returnResult().getResponseBody();
    }

    List<Slot> slots() {
        return http.get().uri("/api/organiser/fairs/" + fairId + "/meeting-board")
                .header("Authorization", "Bearer " + organiser.token()).exchange().expectStatus().isOk()
                .expectBody(MeetingBoard.Board.class).returnResult().getResponseBody().slots();
    }

    WebTestClient.ResponseSpec send(String method, String token, String path, Object body) {
        return send(method, token, path, body, null);
    }

    WebTestClient.ResponseSpec send(String method, String token, String path, Object body, String key) {
        var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Meeting request(Side from, Side to, List<Long> slots) {
        return send("POST", from.token(), "/api/fairs/" + fairId + "/meetings",
                Map.of("inviteeId", to.participantId(), "message", "想了解贵司的产品", "slotIds", slots),
                UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody(Meeting.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec accept(Side by, long meetingId, long slotId, String key) {
        return send("POST", by.token(), "/api/fairs/" + fairId + "/meetings/" + meetingId + "/accept",
                Map.of("slotId", slotId), key);
    }

    /** Four sides and three meetings, each accepted with its name as the key. */
    record ThreeBooked(Side a, Side b, Side c, Side d, Meeting ab, Meeting cd, Meeting ad) {
    }

    /** 甲 meets 乙 and 丙 meets 丁 in the first slot, 甲 meets 丁 in the second (keys "ab", "cd", "ad"). */
    ThreeBooked threeBooked(List<Slot> slots) {
        Side a = side("甲");
        Side b = side("乙");
        Side c = side("丙");
        Side d = side("丁");
        Meeting ab = request(a, b, List.of());
        Meeting cd = request(c, d, List.of());
        Meeting ad = request(a, d, List.of());
        accept(b, ab.id(), slots.get(0).id(), "ab").expectStatus().isOk();
        accept(d, cd.id(), slots.get(0).id(), "cd").expectStatus().isOk();
        accept(d, ad.id(), slots.get(1).id(), "ad").expectStatus().isOk();
        return new ThreeBooked(a, b, c, d, ab, cd, ad);
    }

    /** Moves a booked meeting's time so that it began {@code minutesAgo} minutes ago (20 minutes long). */
    void began(long meetingId, int minutesAgo) {
        db.sql("""
                update fair_meeting set starts_at = now() - make_interval(mins => :m),
                       ends_at = now() - make_interval(mins => :m) + interval '20 minutes' where id = :id""")
                .bind("m", minutesAgo).bind("id", meetingId).fetch().rowsUpdated().block();
    }
}
