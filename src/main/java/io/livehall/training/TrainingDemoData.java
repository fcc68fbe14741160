package io.livehall.training;

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
 * Local profile only: once the demo accounts exist, runs {@code demo/training-demo.sql} (the Ningxia four-part series
 * 趋势篇/政策篇/实务篇/专精特新篇 with 政策篇 live on the demo stream, and a Guangxi policy training, all organised by the
 * demo organiser) unless the Ningxia series is there already.
 */
@Component
@Profile("local")
class TrainingDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String NINGXIA = "宁夏中小企业高质量发展系列培训";
    private static final Log log = LogFactory.getLog(TrainingDemoData.class);

    private final DemoAccounts accounts;
    private final DatabaseClient db;
    private final DemoScript script;

    TrainingDemoData(DemoAccounts accounts, DatabaseClient db) {
        this.accounts = accounts;
        this.db = db;
        this.script = new DemoScript(db, "training-demo");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(seeded -> {
            if (seeded) {
                log.info("Training demo data seeded: \"" + NINGXIA + "\" and a policy training");
            }
        }, e -> log.warn("Seeding the training demo data failed", e));
    }

    /** Seeds once per database; true if it seeded now. */
    Mono<Boolean> seed() {
        return accounts.seeded().then(script.runUnless(DemoScript.truth(
                db.sql("select exists (select 1 from training_series where title = :title)").bind("title", NINGXIA))));
    }
}
