package io.livehall.showcase.live;

import io.livehall.showcase.ShowcaseFixtures;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shortcuts for tests that need products, images or a session in a given state without going through the
 * catalogue or the console: rows written straight into the database (the live-session API is tested through
 * its endpoints in {@link LiveSessionApiTest}).
 */
public final class LiveFixtures {

    private final ShowcaseFixtures showcase;
    private final DatabaseClient db;

    public LiveFixtures(WebTestClient http, DatabaseClient db) {
        this.showcase = new ShowcaseFixtures(http, db);
        this.db = db;
    }

    public ShowcaseFixtures.Merchant merchant(String prefix) {
        return showcase.tradingMerchant(prefix);
    }

    public ShowcaseFixtures.Account viewer(String prefix) {
        return showcase.enterpriseUser(prefix);
    }

    public long product(long merchantId, String name, long priceFen, String status) {
        return db.sql("""
                        insert into product (merchant_id, name, category, region, price_fen, stock, status)
                        values (:m, :name, 'FAMOUS_QUALITY', '西安市', :price, 100, :status) returning id""")
                .bind("m", merchantId).bind("name", name).bind("price", priceFen).bind("status", status)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    /** A product image row (as an upload would make it; the bytes do not matter here). */
    public long file(long ownerId, String purpose) {
        return db.sql("""
                        insert into stored_file (owner_id, purpose, original_name, content_type, size_bytes, sha256)
                        values (:owner, :purpose, 'cover.png', 'image/png', 16, repeat('0', 64)) returning id""")
                .bind("owner", ownerId).bind("purpose", purpose)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    public void productImage(long productId, long fileId) {
        db.sql("insert into product_image (product_id, file_id, position) values (:p, :f, 0)")
                .bind("p", productId).bind("f", fileId).fetch().rowsUpdated().block();
    }

    /** A session of the merchant in the given state (LIVE ones started a minute ago), without lineup. */
    public long session(long merchantId, String status) {
        return db.sql("""
                        insert into live_session (merchant_id, title, starts_at, stream_url, status, started_at, ended_at)
                        values (:m, '测试直播', now() + interval '1 hour', 'https://stream.example/live.m3u8', :status,
                                case when :status in ('LIVE', 'ENDED') then now() - interval '1 minute' end,
                                case when :status = 'ENDED' then now() end)
                        returning id""")
                .bind("m", merchantId).bind("status", status)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    /** A live session of a new merchant: a room where chat and likes are open. */
    public String liveRoom() {
        return String.valueOf(session(merchant("room").id(), "LIVE"));
    }
}
