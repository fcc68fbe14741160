package io.livehall.training.course;

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
 * Local profile only: once the demo accounts exist, runs {@code demo/course-demo.sql} (four topics, eight courses on
 * the demo loop, the demo viewer's progress in two of them) unless the library has its topics already.
 */
@Component
@Profile("local")
class CourseDemoData implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log log = LogFactory.getLog(CourseDemoData.class);

    private final DemoAccounts accounts;
    private final DatabaseClient db;
    private final DemoScript script;

    CourseDemoData(DemoAccounts accounts, DatabaseClient db) {
        this.accounts = accounts;
        this.db = db;
        this.script = new DemoScript(db, "course-demo");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(seeded -> {
            if (seeded) {
                log.info("Course demo data seeded: 4 topics, 8 courses");
            }
        }, e -> log.warn("Seeding the course demo data failed", e));
    }

    /** Seeds once per database; true if it seeded now. */
    Mono<Boolean> seed() {
        return accounts.seeded().then(script.runUnless(DemoScript.truth(
                db.sql("select exists (select 1 from course_topic where name = '政策解读')"))));
    }
}
