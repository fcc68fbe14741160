package io.livehall.showcase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.identity.DemoAccounts;
import io.livehall.realtime.presence.Presence;
import io.livehall.showcase.catalogue.ProductCatalogue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Local profile only: a living hall on a fresh checkout. Once the demo accounts exist, runs
 * {@code demo/showcase-demo.sql} (the first selection round, its merchants and products, applications under
 * review, one session live and one scheduled, both playing the demo stream) unless the round is there already.
 * A hall seeded before the demo stream existed gets its two sessions' placeholder stream URLs replaced by it.
 * Demo products and the two sessions get their pictures ({@code demo/pictures}, drawn by
 * {@code infra/demo-images/make.mjs}) at every start if they have none, so halls seeded before the pictures get
 * them too; a product or session that has a picture keeps it.
 */
@Component
@Profile("local")
class ShowcaseDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String ROUND = "第一批陕西名优产品进展厅上平台";
    /** The demo loop (DemoStreamController): a path on the app's own host. */
    static final String DEMO_STREAM = "/demo/stream/live.m3u8";
    /** What the seed used before the demo stream: hosts that never served anything. */
    private static final List<String> OLD_PLACEHOLDERS =
            List.of("https://live.example.com/dongyu/index.m3u8", "https://live.example.com/granna/index.m3u8");
    private static final Log log = LogFactory.getLog(ShowcaseDemoData.class);

    private final DemoAccounts accounts;
    private final DatabaseClient db;
    private final FileStorage files;
    private final ProductCatalogue catalogue;
    private final Presence presence;
    private final String script;
    private final List<Picture> pictures;

    ShowcaseDemoData(DemoAccounts accounts, DatabaseClient db, FileStorage files, ProductCatalogue catalogue,
                     Presence presence) {
        this.accounts = accounts;
        this.presence = presence;
        this.db = db;
        this.files = files;
        this.catalogue = catalogue;
        try {
            this.script = new ClassPathResource("demo/showcase-demo.sql").getContentAsString(StandardCharsets.UTF_8);
            this.pictures = pictures();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo picture (read at construction, off the event loops): whose it is and its bytes. */
    record Picture(String file, boolean product, String merchant, String owner, byte[] bytes) {
    }

    private static List<Picture> pictures() throws IOException {
        List<Picture> all = new ArrayList<>();
        String manifest = new ClassPathResource("demo/pictures/pictures.tsv").getContentAsString(StandardCharsets.UTF_8);
        for (String line : manifest.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            byte[] bytes = new ClassPathResource("demo/pictures/" + f[0]).getContentAsByteArray();
            all.add(new Picture(f[0], "PRODUCT".equals(f[1]), f[2], f[3], bytes));
        }
        return List.copyOf(all);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(seeded -> {
            if (seeded) {
                log.info("Showcase demo data seeded: round \"" + ROUND + "\", merchants, products, live sessions");
            }
        }, e -> log.warn("Seeding the showcase demo data failed", e));
    }

    /** Seeds once per database; true if it seeded now. */
    Mono<Boolean> seed() {
        Mono<Boolean> present = db.sql("select exists (select 1 from selection_round where name = :name) as present")
                .bind("name", ROUND).map(row -> Boolean.TRUE.equals(row.get("present", Boolean.class))).one();
        return accounts.seeded().then(present).flatMap(already -> (already ? repointOldPlaceholders().thenReturn(false)
                // no bind parameters: sent as one simple query, which PostgreSQL runs as one implicit transaction
                : db.sql(script).then().then(forgetOldFigures()).thenReturn(true))
                .flatMap(seeded -> picture().thenReturn(seeded)));
    }

    /** Gives each demo product and session without a picture its own; answers how many got one now. */
    Mono<Long> picture() {
        return Flux.fromIterable(pictures)
                .concatMap(p -> p.product() ? pictureProducts(p) : pictureSessions(p))
                .reduce(0L, Long::sum)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Demo pictures given to " + n + " products and live sessions");
                    }
                });
    }

    private Mono<Long> pictureProducts(Picture p) {
        return db.sql("""
                        select p.id, p.merchant_id, a.applicant_id from product p
                        join merchant m on m.id = p.merchant_id join merchant_application a on a.id = m.application_id
                        where m.display_name = :merchant and p.name = :name
                          and not exists (select 1 from product_image i where i.product_id = p.id)""")
                .bind("merchant", p.merchant()).bind("name", p.owner())
                .map(row -> new long[] {row.get("id", Long.class), row.get("merchant_id", Long.class),
                        row.get("applicant_id", Long.class)})
                .all()
                .concatMap(t -> files.store(t[2], FilePurpose.IMAGE, p.file(), "image/webp", p.bytes())
                        .flatMap(file -> db.sql("""
                                        insert into product_image (product_id, file_id, position)
                                        select :product, :file, 0
                                        where not exists (select 1 from product_image i where i.product_id = :product)""")
                                .bind("product", t[0]).bind("file", file.id()).fetch().rowsUpdated())
                        // the catalogue's cached pages showed the product without its picture
                        .flatMap(n -> catalogue.merchantChanged(t[1]).thenReturn(n)))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> pictureSessions(Picture p) {
        return db.sql("""
                        select s.id, a.applicant_id from live_session s
                        join merchant m on m.id = s.merchant_id join merchant_application a on a.id = m.application_id
                        where m.display_name = :merchant and s.title = :title and s.stream_url = :stream
                          and s.cover_file_id is null""")
                .bind("merchant", p.merchant()).bind("title", p.owner()).bind("stream", DEMO_STREAM)
                .map(row -> new long[] {row.get("id", Long.class), row.get("applicant_id", Long.class)})
                .all()
                .concatMap(t -> files.store(t[1], FilePurpose.IMAGE, p.file(), "image/webp", p.bytes())
                        .flatMap(file -> db.sql("""
                                        update live_session set cover_file_id = :file, updated_at = now()
                                        where id = :id and cover_file_id is null""")
                                .bind("file", file.id()).bind("id", t[0]).fetch().rowsUpdated()))
                .reduce(0L, Long::sum);
    }

    /**
     * The seeded sessions start with no audience: figures Redis may still hold under their ids (a database reset
     * while Redis kept its data) would show a peak that never happened in them.
     */
    Mono<Void> forgetOldFigures() {
        return db.sql("select s.id from live_session s join merchant m on m.id = s.merchant_id"
                        + " where m.display_name in ('东裕茗茶', '格兰纳护肤')")
                .map(row -> row.get("id", Long.class)).all()
                .concatMap(id -> presence.forget(ShowcaseDestinations.ROOM_TYPE, String.valueOf(id)))
                .then();
    }

    /** Demo halls seeded with the old placeholder URLs play the demo stream too; a no-op once they do. */
    private Mono<Long> repointOldPlaceholders() {
        return db.sql("update live_session set stream_url = :stream, updated_at = now() where stream_url = any(:old)")
                .bind("stream", DEMO_STREAM).bind("old", OLD_PLACEHOLDERS.toArray(String[]::new))
                .fetch().rowsUpdated()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Demo live sessions now play the demo stream " + DEMO_STREAM + " (" + n + " updated)");
                    }
                });
    }
}
