package io.livehall.showcase;

import java.util.UUID;

import io.livehall.identity.TestCreditCodes;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shortcuts for showcase tests that need a merchant without going through onboarding: an enterprise user
 * registered over HTTP, then an approved application, a merchant row, the newest agreements accepted and
 * the MERCHANT role written straight into the database (onboarding itself is tested through its API).
 */
public final class ShowcaseFixtures {

    public static final String PASSWORD = "secret-pass-1";

    private final WebTestClient http;
    private final DatabaseClient db;

    public ShowcaseFixtures(WebTestClient http, DatabaseClient db) {
        this.http = http;
        this.db = db;
    }

    /** A user of a new enterprise, registered and logged in (not yet a merchant). */
    public Account enterpriseUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username":"%s","password":"%s","displayName":"企业联系人",
                         "enterprise":{"name":"%s 测试企业","creditCode":"%s","region":"西安市",
                                       "industry":"食品","size":"SMALL"}}"""
                        .formatted(username, PASSWORD, prefix, TestCreditCodes.next()))
                .exchange().expectStatus().isCreated();
        long id = db.sql("select id from app_user where lower(username) = lower(:u)").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block();
        return new Account(id, username, login(username));
    }

    /** An active merchant that accepted the newest agreements, and a logged-in user acting for it. */
    public Merchant tradingMerchant(String prefix) {
        Account user = enterpriseUser(prefix);
        long roundId = db.sql("""
                        insert into selection_round (name, quota, opens_at, closes_at, created_by)
                        values ('测试轮次', 20, now() - interval '1 day', now() + interval '30 days', :by) returning id""")
                .bind("by", user.id()).map(row -> row.get("id", Long.class)).one().block();
        long merchantId = db.sql("""
                        with app as (
                            insert into merchant_application (round_id, enterprise_id, applicant_id, contact_name,
                                                              contact_phone, category, proposed_products, status)
                            select :round, u.enterprise_id, u.id, '联系人', '13800000000', 'FAMOUS_QUALITY', '测试产品', 'APPROVED'
                            from app_user u where u.id = :user returning id, enterprise_id)
                        insert into merchant (enterprise_id, application_id, display_name)
                        select app.enterprise_id, app.id, :name from app returning id""")
                .bind("round", roundId).bind("user", user.id()).bind("name", prefix + " 商家")
                .map(row -> row.get("id", Long.class)).one().block();
        db.sql("""
                        insert into agreement_acceptance (merchant_id, agreement_id, accepted_by, text_sha256)
                        select :merchant, id, :user, text_sha256
                        from (select distinct on (kind) id, text_sha256 from agreement_version order by kind, version desc) newest""")
                .bind("merchant", merchantId).bind("user", user.id()).fetch().rowsUpdated().block();
        db.sql("update app_user set roles = array['VIEWER', 'MERCHANT'] where id = :id").bind("id", user.id())
                .fetch().rowsUpdated().block();
        return new Merchant(merchantId, new Account(user.id(), user.username(), login(user.username())));
    }

    private String login(String username) {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Token.class).returnResult().getResponseBody().accessToken();
    }

    public record Account(long id, String username, String token) {
    }

    public record Merchant(long id, Account user) {
    }

    private record Token(String accessToken) {
    }
}
