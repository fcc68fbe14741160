package io.livehall.showcase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.livehall.identity.DemoAccounts;
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
 * Local profile only: a living hall on a fresh checkout. Once the demo accounts exist, runs
 * {@code demo/showcase-demo.sql} (the first selection round, its merchants and products, applications under
 * review, one session live and one scheduled) unless the round is there already.
 */
@Component
@Profile("local")
class ShowcaseDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String ROUND = "第一批陕西名优产品进展厅上平台";
    private static final Log log = LogFactory.getLog(ShowcaseDemoData.class);

    private final DemoAccounts accounts;
    private final DatabaseClient db;
    private final String script;

    ShowcaseDemoData(DemoAccounts accounts, DatabaseClient db) {
        this.accounts = accounts;
        this.db = db;
        try {
            this.script = new ClassPathResource("demo/showcase-demo.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return accounts.seeded().then(present).flatMap(already -> already ? Mono.just(false)
                // no bind parameters: sent as one simple query, which PostgreSQL runs as one implicit transaction
                : db.sql(script).then().thenReturn(true));
    }
}
