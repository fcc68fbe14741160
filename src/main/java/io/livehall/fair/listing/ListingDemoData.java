package io.livehall.fair.listing;

import io.livehall.common.demo.DemoScript;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
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
    private final DemoScript script;

    ListingDemoData(DatabaseClient db) {
        this.db = db;
        this.script = new DemoScript(db, "fair-listing-demo");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(null, e -> log.warn("Seeding the fair listing demo data failed", e));
    }

    Mono<Void> seed() {
        // the fair with its participants, the demo viewer's enterprise among them (the screening seed's last step)
        Mono<Boolean> fairThere = DemoScript.truth(db.sql("""
                        select exists (select 1 from fair f join fair_participant p on p.fair_id = f.id
                                        join app_user u on u.enterprise_id = p.enterprise_id and u.username = 'viewer'
                                       where f.title = :title)""").bind("title", FAIR));
        Mono<Boolean> seeded = DemoScript.truth(db.sql("""
                        select exists (select 1 from fair f join fair_participant p on p.fair_id = f.id
                                        join fair_listing l on l.enterprise_id = p.enterprise_id
                                       where f.title = :title)""").bind("title", FAIR));
        return DemoScript.awaitReady(fairThere, 150, "the demo fair " + FAIR).then(script.runUnless(seeded)).then();
    }
}
