package io.livehall.fair.screening;

import io.livehall.common.demo.DemoScript;
import io.livehall.identity.DemoAccounts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Local profile only: the demo fairs (the Anhui procurement fair with ~2,000 generated enterprises, the Fujian roadshow,
 * the closed-door chain fair) and their screened participants ({@code demo/fair-screening-demo.sql}), once the demo
 * accounts exist, unless the Anhui fair is there already. The other fair features wait for these titles.
 */
@Component
@Profile("local")
class FairScreeningDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String ANHUI = "2026安徽省中小企业采购对接暨商机发布会";
    private static final Log log = LogFactory.getLog(FairScreeningDemoData.class);

    private final DemoAccounts accounts;
    private final DatabaseClient db;
    private final DemoScript script;

    FairScreeningDemoData(DemoAccounts accounts, DatabaseClient db) {
        this.accounts = accounts;
        this.db = db;
        this.script = new DemoScript(db, "fair-screening-demo");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(seeded -> {
            if (seeded) {
                log.info("Fair demo data seeded: \"" + ANHUI + "\", a Fujian roadshow and a closed-door chain fair");
            }
        }, e -> log.warn("Seeding the fair demo data failed", e));
    }

    /** Seeds once per database; true if it seeded now. */
    Mono<Boolean> seed() {
        return accounts.seeded().then(script.runUnless(DemoScript.truth(
                db.sql("select exists (select 1 from fair where title = :title)").bind("title", ANHUI))));
    }
}
