package io.livehall.dashboard;

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
 * Local profile only: the demo events' past in {@code dashboard_minute} ({@code demo/dashboard-demo.sql}), so the
 * report and the history have something to show on first start. It waits (up to five minutes) for the demo data it
 * counts: the training series and their registrations, the fairs' participants, meetings and pipeline. It runs once:
 * not when rows older than a day exist (the rollup of a fresh database writes none that old; its own are days old).
 */
@Component
@Profile("local")
class DashboardDemoData implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log log = LogFactory.getLog(DashboardDemoData.class);

    private final DatabaseClient db;
    private final DemoScript script;

    DashboardDemoData(DatabaseClient db) {
        this.db = db;
        this.script = new DemoScript(db, "dashboard-demo");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(ran -> log.info(ran ? "Dashboard demo history ready" : "Dashboard demo history already there"),
                e -> log.warn("Seeding the dashboard demo history failed", e));
    }

    Mono<Boolean> seed() {
        return DemoScript.awaitReady(DemoScript.truth(db.sql("""
                        select exists (select 1 from training_registration r join training_series s on s.id = r.series_id
                                        where s.title = '宁夏中小企业高质量发展系列培训')
                               and exists (select 1 from fair_meeting where request_key = 'demo-meeting-1')
                               and exists (select 1 from fair_pair p join fair f on f.id = p.fair_id
                                            where f.title = '2026安徽省中小企业采购对接暨商机发布会' and p.stage = 'SIGNED')""")),
                        150, "the training and fair demo data")
                .then(script.runUnless(present()));
    }

    /** Whether history is there already: rows older than a day (a fresh database's rollup has none that old). */
    Mono<Boolean> present() {
        return DemoScript.truth(db.sql("select exists (select 1 from dashboard_minute where minute < now() - interval '1 day')"));
    }

    /** Writes the demo events' history (rows already there stay as they are). */
    Mono<Void> history() {
        return script.run();
    }
}
