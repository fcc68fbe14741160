package io.livehall.fair;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import io.livehall.identity.TestTokens;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Fairs, enterprises with a member account, participants and listings written straight into the database (with
 * minted tokens), so each fair feature's tests can set up a fair without the screening feature's API.
 */
public final class FairFixtures {

    /** An account and its token. */
    public record Account(long id, String token) {
    }

    /** An enterprise and one member account of it. */
    public record Member(long enterpriseId, long userId, String token) {
    }

    private final DatabaseClient db;
    private final ApplicationContext context;

    public FairFixtures(DatabaseClient db, ApplicationContext context) {
        this.db = db;
        this.context = context;
    }

    public Account account(String... roles) {
        long id = db.sql("""
                        insert into app_user (username, password_hash, display_name, roles)
                        values (:username, '{noop}unused', '测试账号', :roles) returning id""")
                .bind("username", "fx-" + UUID.randomUUID().toString().substring(0, 12))
                .bind("roles", roles.length == 0 ? new String[] {"VIEWER"} : roles)
                .map(row -> row.get(0, Long.class)).one().block();
        return new Account(id, TestTokens.mint(context, id));
    }

    /** A published fair starting tomorrow, two days long, in 合肥 (offline fairs at a venue). */
    public long fair(long organiserId, FairKind kind, FairVisibility visibility) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return db.sql("""
                        insert into fair (organiser_id, title, kind, mode, visibility, status, starts_at, ends_at,
                                          region, venue, summary, capacity)
                        values (:organiser, :title, :kind, 'HYBRID', :visibility, 'PUBLISHED', :start, :end,
                                '安徽省合肥市', '合肥滨湖国际会展中心', '测试对接会', 3000) returning id""")
                .bind("organiser", organiserId).bind("title", "测试对接会-" + UUID.randomUUID().toString().substring(0, 6))
                .bind("kind", kind.name()).bind("visibility", visibility.name())
                .bind("start", start).bind("end", start.plus(2, ChronoUnit.DAYS))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    public long fair(long organiserId) {
        return fair(organiserId, FairKind.PROCUREMENT, FairVisibility.PUBLIC);
    }

    /** An enterprise with one member account (role VIEWER). */
    public Member enterprise(String name, String region, String industry, EnterpriseSize size, SpecialisationTier tier) {
        long enterpriseId = db.sql("""
                        insert into enterprise (name, credit_code, region, industry, size, tier)
                        values (:name, :code, :region, :industry, :size, :tier) returning id""")
                .bind("name", name).bind("code", randomCreditCode()).bind("region", region)
                .bind("industry", industry).bind("size", size.name()).bind("tier", tier.name())
                .map(row -> row.get(0, Long.class)).one().block();
        Account member = account("VIEWER");
        db.sql("update app_user set enterprise_id = :e where id = :u").bind("e", enterpriseId).bind("u", member.id())
                .fetch().rowsUpdated().block();
        return new Member(enterpriseId, member.id(), member.token());
    }

    public Member enterprise(String name) {
        return enterprise(name, "安徽省合肥市", "汽车零部件", EnterpriseSize.SMALL, SpecialisationTier.NONE);
    }

    public long participant(long fairId, Member member, ParticipantRole role, ParticipantStatus status) {
        return participant(fairId, member, role, status, null, null);
    }

    public long participant(long fairId, Member member, ParticipantRole role, ParticipantStatus status,
                            Long amountMinFen, Long amountMaxFen) {
        var spec = db.sql("""
                        insert into fair_participant (fair_id, enterprise_id, user_id, role, status, offers, needs,
                                                      amount_min_fen, amount_max_fen, reason)
                        values (:fair, :enterprise, :user, :role, :status, '测试供给', '测试需求', :min, :max,
                                case when :status in ('REJECTED', 'NEEDS_INFO') then '测试原因' end) returning id""")
                .bind("fair", fairId).bind("enterprise", member.enterpriseId()).bind("user", member.userId())
                .bind("role", role.name()).bind("status", status.name());
        spec = amountMinFen == null ? spec.bindNull("min", Long.class) : spec.bind("min", amountMinFen);
        spec = amountMaxFen == null ? spec.bindNull("max", Long.class) : spec.bind("max", amountMaxFen);
        return spec.map(row -> row.get(0, Long.class)).one().block();
    }

    /** An active listing valid for 90 days. */
    public long listing(Member member, ListingSide side, String title, String description, String category,
                        String region, List<String> keywords) {
        return db.sql("""
                        insert into fair_listing (enterprise_id, created_by, side, title, description, category,
                                                  keywords, region, valid_until)
                        values (:enterprise, :user, :side, :title, :description, :category, :keywords, :region,
                                now() + interval '90 days') returning id""")
                .bind("enterprise", member.enterpriseId()).bind("user", member.userId()).bind("side", side.name())
                .bind("title", title).bind("description", description).bind("category", category)
                .bind("keywords", keywords.toArray(String[]::new)).bind("region", region)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private static String randomCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91");
        for (int i = 0; i < 16; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
