package io.livehall.showcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.livehall.DemoHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo hall's live sessions play the demo stream, also in a hall seeded before it existed; its products and
 * sessions have pictures, also in a hall seeded before they existed.
 */
class ShowcaseDemoDataTest extends DemoHallTest {

    @Autowired
    ShowcaseDemoData demo;

    private long seededSession(String merchant) {
        // seeding runs after the application is ready, in the background
        await().atMost(Duration.ofSeconds(60)).until(() -> db.sql("""
                        select count(*) as n from live_session s join merchant m on m.id = s.merchant_id
                        where m.display_name = :m""").bind("m", merchant)
                .map(row -> row.get("n", Long.class)).one().block() > 0);
        return db.sql("""
                        select min(s.id) as id from live_session s join merchant m on m.id = s.merchant_id
                        where m.display_name = :m""").bind("m", merchant)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    @Test
    void theLiveAndTheScheduledDemoSessionPlayTheDemoStreamAsHls() {
        long live = seededSession("东裕茗茶");
        long scheduled = seededSession("格兰纳护肤");
        http.get().uri("/api/live-sessions/" + live).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("LIVE")
                .jsonPath("$.streamUrl").isEqualTo("/demo/stream/live.m3u8")
                .jsonPath("$.streamKind").isEqualTo("HLS");
        http.get().uri("/api/live-sessions/" + scheduled).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.streamUrl").isEqualTo(ShowcaseDemoData.DEMO_STREAM)
                .jsonPath("$.streamKind").isEqualTo("HLS");
    }

    @Test
    void aHallSeededWithThePlaceholderUrlsIsRepointedAtTheNextStart() {
        long live = seededSession("东裕茗茶");
        long scheduled = seededSession("格兰纳护肤");
        db.sql("update live_session set stream_url = case id when :live then 'https://live.example.com/dongyu/index.m3u8'"
                        + " else 'https://live.example.com/granna/index.m3u8' end where id in (:live, :scheduled)")
                .bind("live", live).bind("scheduled", scheduled).fetch().rowsUpdated().block();

        assertThat(demo.seed().block()).as("seeded again").isFalse();

        List<String> urls = db.sql("select stream_url from live_session where id in (:live, :scheduled)")
                .bind("live", live).bind("scheduled", scheduled)
                .map(row -> row.get("stream_url", String.class)).all().collectList().block();
        assertThat(urls).containsExactly(ShowcaseDemoData.DEMO_STREAM, ShowcaseDemoData.DEMO_STREAM);
    }

    @Test
    void everyDemoProductAndSessionHasAPictureServedAsASmallWebp() {
        seededSession("东裕茗茶");
        seededSession("格兰纳护肤");
        await().atMost(Duration.ofSeconds(60)).until(() -> withoutPicture() == 0);
        List<Long> files = db.sql("""
                        select i.file_id from product_image i join product p on p.id = i.product_id
                        join merchant m on m.id = p.merchant_id where m.display_name = '东裕茗茶'""")
                .map(row -> row.get("file_id", Long.class)).all().collectList().block();
        assertThat(files).hasSize(3).doesNotHaveDuplicates();
        byte[] picture = http.get().uri("/api/files/" + files.get(0)).exchange().expectStatus().isOk()
                .expectHeader().contentType("image/webp")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(picture, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(picture.length).isBetween(1_000, 30_000);
        // the hall shows them: no demo product in the public list without a cover
        http.get().uri("/api/products?merchantId={m}&limit=100", merchantId("长安礼物")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[?(@.coverUrl == null)]").doesNotExist();
        Long cover = db.sql("""
                        select s.cover_file_id from live_session s join merchant m on m.id = s.merchant_id
                        where m.display_name = '东裕茗茶' order by s.id limit 1""")
                .map(row -> row.get("cover_file_id", Long.class)).one().block();
        assertThat(cover).isNotNull();
    }

    @Test
    void aHallSeededBeforeThePicturesGetsThemAtTheNextStartAndKeepsPicturesItHas() {
        seededSession("东裕茗茶");
        await().atMost(Duration.ofSeconds(60)).until(() -> withoutPicture() == 0);
        // as a hall seeded before the pictures: one product and one session without, a product with its own picture
        long bare = productId("紫阳富硒茶 200g");
        long own = productId("秦绣 牡丹团扇");
        db.sql("delete from product_image where product_id = :id").bind("id", bare).fetch().rowsUpdated().block();
        Long ownFile = db.sql("select file_id from product_image where product_id = :id").bind("id", own)
                .map(row -> row.get("file_id", Long.class)).one().block();
        db.sql("update live_session set cover_file_id = null where title = '格兰纳护肤 冬季保湿专场'").fetch().rowsUpdated().block();
        assertThat(withoutPicture()).isEqualTo(2);

        assertThat(demo.seed().block()).as("seeded again").isFalse();

        assertThat(withoutPicture()).isZero();
        assertThat(db.sql("select count(*) as n from product_image where product_id = :id").bind("id", bare)
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
        assertThat(db.sql("select file_id from product_image where product_id = :id").bind("id", own)
                .map(row -> row.get("file_id", Long.class)).one().block()).isEqualTo(ownFile);
        // and once every one has its picture, another start adds nothing
        assertThat(demo.picture().block()).isZero();
    }

    /** Demo products and demo sessions without a picture. */
    private long withoutPicture() {
        return db.sql("""
                        select (select count(*) from product p join merchant m on m.id = p.merchant_id
                                where m.display_name in ('东裕茗茶', '华山论剑西凤酒', '西凤酒375', '格兰纳护肤', '秦绣工坊', '凤翔泥塑', '长安礼物')
                                  and not exists (select 1 from product_image i where i.product_id = p.id))
                             + (select count(*) from live_session s where s.stream_url = '/demo/stream/live.m3u8'
                                  and s.cover_file_id is null) as n""")
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long productId(String name) {
        return db.sql("select min(id) as id from product where name = :n").bind("n", name)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    private long merchantId(String name) {
        return db.sql("select id from merchant where display_name = :n").bind("n", name)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    @Autowired
    io.livehall.realtime.presence.Presence presence;

    /** Issue 12, viewer 7: figures Redis kept under a seeded session's id (an old hall) are not shown as its own. */
    @Test
    void seedingForgetsFiguresRedisHeldUnderTheSeededSessionsIds() {
        long live = seededSession("东裕茗茶");
        String room = String.valueOf(live);
        try (io.livehall.realtime.RawStompClient viewer = io.livehall.realtime.RawStompClient.open(port)) {
            viewer.connectAsGuest(guestPass());
            viewer.subscribe("v", "/topic/live/" + live + "/viewers");
            await().atMost(Duration.ofSeconds(10)).until(() -> presence.viewers("live", room).block().peak() >= 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.viewers("live", room).block().now() == 0);
        assertThat(presence.viewers("live", room).block().peak()).isGreaterThanOrEqualTo(1);

        demo.forgetOldFigures().block(Duration.ofSeconds(10));

        var figures = presence.viewers("live", room).block();
        assertThat(figures.peak()).isZero();
        assertThat(figures.unique()).isZero();
        http.get().uri("/api/live-sessions/" + live).exchange().expectBody().jsonPath("$.viewers.peak").isEqualTo(0);
    }
}
