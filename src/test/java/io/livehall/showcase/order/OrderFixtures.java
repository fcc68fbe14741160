package io.livehall.showcase.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.livehall.identity.TestTokens;
import io.livehall.showcase.ShowcaseFixtures;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Products, live sessions and buyers for order tests, written with plain SQL (the catalogue and live-session
 * APIs are built elsewhere), tokens minted by the application's own issuer, and views of the gate and shards.
 */
public final class OrderFixtures {

    public static final String RECIPIENT = """
            {"name":"张三","phone":"13800138000","address":"陕西省西安市雁塔区科技路 1 号"}""";

    private final WebTestClient http;
    private final DatabaseClient db;
    private final ApplicationContext context;
    private final ShowcaseFixtures showcase;

    public OrderFixtures(WebTestClient http, DatabaseClient db, ApplicationContext context) {
        this.http = http;
        this.db = db;
        this.context = context;
        this.showcase = new ShowcaseFixtures(http, db);
    }

    public record Buyer(long id, String token) {
    }

    public ShowcaseFixtures.Merchant merchant(String prefix) {
        return showcase.tradingMerchant(prefix);
    }

    public long product(long merchantId, long priceFen, int stock) {
        return db.sql("""
                        insert into product (merchant_id, name, category, region, price_fen, stock, status, channels)
                        values (:m, :name, 'FAMOUS_QUALITY', '西安市', :price, :stock, 'ON_SALE', array['LIVE_ECOMMERCE'])
                        returning id""")
                .bind("m", merchantId).bind("name", "东裕茗茶 " + UUID.randomUUID().toString().substring(0, 6))
                .bind("price", priceFen).bind("stock", stock)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    public long liveSession(long merchantId) {
        return db.sql("""
                        insert into live_session (merchant_id, title, starts_at, stream_url, status, started_at)
                        values (:m, '东裕茗茶开播', now(), 'https://live.example.com/s.flv', 'LIVE', now()) returning id""")
                .bind("m", merchantId).map(row -> row.get(0, Long.class)).one().block();
    }

    /** {@code n} buyers inserted in one statement (display names 张…), each with a minted token. */
    public List<Buyer> buyers(String prefix, int n) {
        String tag = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = db.sql("""
                        insert into app_user (username, password_hash, display_name, roles)
                        select :tag || '-' || i, '{noop}unused', '张' || i, array['VIEWER'] from generate_series(1, :n) i
                        returning id""")
                .bind("tag", tag).bind("n", n).map(row -> row.get(0, Long.class)).all().collectList().block();
        List<Buyer> buyers = new ArrayList<>();
        for (long id : ids) {
            buyers.add(new Buyer(id, TestTokens.mint(context, id)));
        }
        return buyers;
    }

    public Buyer buyer(String prefix) {
        return buyers(prefix, 1).get(0);
    }

    public String openDeal(String merchantToken, long sessionId, long productId, long priceFen, int quantity, int limit) {
        return http.post().uri("/api/merchant/flash-deals").header("Authorization", "Bearer " + merchantToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"sessionId":%d,"productId":%d,"priceFen":%d,"quantity":%d,"perBuyerLimit":%d,"durationSeconds":300}"""
                        .formatted(sessionId, productId, priceFen, quantity, limit))
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** A trading merchant, its product, its LIVE session and a flash deal of the product opened there now. */
    public record LiveDeal(ShowcaseFixtures.Merchant merchant, long product, long session, long deal) {
    }

    public LiveDeal liveDeal(String prefix, long listPriceFen, int productStock, long dealPriceFen, int quantity, int limit) {
        ShowcaseFixtures.Merchant merchant = merchant(prefix);
        long product = product(merchant.id(), listPriceFen, productStock);
        long session = liveSession(merchant.id());
        openDeal(merchant.user().token(), session, product, dealPriceFen, quantity, limit);
        return new LiveDeal(merchant, product, session, dealOf(session));
    }

    public long dealOf(long sessionId) {
        return db.sql("select max(id) from flash_deal where session_id = :s").bind("s", sessionId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    public static String dealOrder(long dealId, int quantity) {
        return """
                {"dealId":%d,"quantity":%d,"recipient":%s}""".formatted(dealId, quantity, RECIPIENT);
    }

    public static String productOrder(long productId, int quantity) {
        return """
                {"productId":%d,"quantity":%d,"recipient":%s}""".formatted(productId, quantity, RECIPIENT);
    }

    public WebTestClient.ResponseSpec order(String token, String key, String body) {
        WebTestClient.RequestBodySpec spec = http.post().uri("/api/orders").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.bodyValue(body).exchange();
    }

    public int stock(long productId) {
        return db.sql("select stock from product where id = :id").bind("id", productId)
                .map(row -> row.get(0, Integer.class)).one().block();
    }

    public long shardSum(long dealId) {
        return db.sql("select coalesce(sum(remaining), 0) from flash_deal_stock where deal_id = :d").bind("d", dealId)
                .map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    public long count(String sql, Map<String, Object> binds) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> e : binds.entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return spec.map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    public Long gateStock(long dealId) {
        String v = redis().opsForValue().get(DealKeys.stockKey(dealId)).block();
        return v == null ? null : Long.parseLong(v);
    }

    public Map<Long, Integer> gateBuyers(long dealId) {
        return redis().<String, String>opsForHash().entries(DealKeys.buyersKey(dealId)).collectList().block().stream()
                .collect(Collectors.toMap(e -> Long.parseLong(e.getKey()), e -> Integer.parseInt(e.getValue())));
    }

    /** The gate's open reservations (orders being placed): {@code <buyer>:<sha256(key)>} → reservation. */
    public Map<String, String> gateReservations(long dealId) {
        return redis().<String, String>opsForHash().entries(DealKeys.reservedKey(dealId)).collectList().block().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void dropGate(long dealId) {
        redis().delete(DealKeys.stockKey(dealId), DealKeys.buyersKey(dealId)).block();
    }

    public ReactiveStringRedisTemplate redis() {
        return context.getBean(ReactiveStringRedisTemplate.class);
    }
}
