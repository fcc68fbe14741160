package io.livehall.fair.listing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Local profile only: five listings per enterprise of the Anhui demo fair ({@code demo/fair-listing-demo.sql}), once
 * the fair screening's demo data has made the fair and its participants (seeded at the same moment, so this waits for
 * them, up to five minutes), and only into a database that has none of them yet.
 */
@Component
@Profile("local")
class ListingDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String FAIR = "2026安徽省中小企业采购对接暨商机发布会";
    private static final Log log = LogFactory.getLog(ListingDemoData.class);

    private final DatabaseClient db;
    private final String script;

    ListingDemoData(DatabaseClient db) {
        this.db = db;
        try {
            this.script = new ClassPathResource("demo/fair-listing-demo.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(null, e -> log.warn("Seeding the fair listing demo data failed", e));
    }

    Mono<Void> seed() {
        // the fair with its participants, the demo viewer's enterprise among them (the screening seed's last step)
        Mono<Boolean> fairThere = db.sql("""
                        select exists (select 1 from fair f join fair_participant p on p.fair_id = f.id
                                        join app_user u on u.enterprise_id = p.enterprise_id and u.username = 'viewer'
                                       where f.title = :title) as ready""")
                .bind("title", FAIR).map(row -> Boolean.TRUE.equals(row.get("ready", Boolean.class))).one();
        Mono<Boolean> seeded = db.sql("""
                        select exists (select 1 from fair f join fair_participant p on p.fair_id = f.id
                                        join fair_listing l on l.enterprise_id = p.enterprise_id
                                       where f.title = :title) as done""")
                .bind("title", FAIR).map(row -> Boolean.TRUE.equals(row.get("done", Boolean.class))).one();
        return fairThere.filter(ready -> ready)
                .repeatWhenEmpty(150, attempts -> attempts.delayElements(Duration.ofSeconds(2)))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the demo fair " + FAIR + " did not appear")))
                .then(seeded)
                .flatMap(done -> done ? Mono.<Void>empty()
                        // no bind parameters: one simple query, run by PostgreSQL as one implicit transaction
                        : Mono.defer(() -> {
                            long started = System.nanoTime();
                            return db.sql(script).then().then(Mono.fromRunnable(() -> log.info("Fair listing demo data ready in "
                                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms")));
                        }));
    }
}
