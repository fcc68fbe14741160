package io.livehall.training.registration;

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
 * Local profile only: registration settings and a few registrations for the training demo series
 * ({@code demo/training-registration-demo.sql}), once those series exist (the training demo data seeds them at the same
 * moment, so this waits for them, up to a minute).
 */
@Component
@Profile("local")
class RegistrationDemoData implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log log = LogFactory.getLog(RegistrationDemoData.class);

    private final DatabaseClient db;
    private final DemoScript script;

    RegistrationDemoData(DatabaseClient db) {
        this.db = db;
        this.script = new DemoScript(db, "training-registration-demo");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(null, e -> log.warn("Seeding the training registration demo data failed", e),
                () -> log.info("Training registration demo data ready"));
    }

    Mono<Void> seed() {
        return DemoScript.awaitReady(DemoScript.truth(db.sql("""
                        select count(*) = 2 from training_series
                         where title in ('宁夏中小企业高质量发展系列培训', '广西惠企政策直播培训')
                           and exists (select 1 from app_user where username = 'merchant')""")), 30,
                "the training demo series").then(script.run());
    }
}
