package io.livehall.fair.meeting;

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
 * Local profile only: slots, places, the roadshow's stream and a couple of meetings for the demo viewer
 * ({@code demo/fair-meeting-demo.sql}), once the screening demo data has seeded the Anhui and Fujian fairs and the demo
 * viewer's and merchant's participants (it runs at the same moment, so this waits for them, up to five minutes).
 */
@Component
@Profile("local")
class MeetingDemoData implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log log = LogFactory.getLog(MeetingDemoData.class);

    private final DatabaseClient db;
    private final DemoScript script;

    MeetingDemoData(DatabaseClient db) {
        this.db = db;
        this.script = new DemoScript(db, "fair-meeting-demo");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(null, e -> log.warn("Seeding the fair meeting demo data failed", e),
                () -> log.info("Fair meeting demo data ready"));
    }

    Mono<Void> seed() {
        return DemoScript.awaitReady(DemoScript.truth(db.sql("""
                        select count(distinct f.id) = 2
                               and exists (select 1 from fair_participant p join fair a on a.id = p.fair_id
                                            join app_user u on u.enterprise_id = p.enterprise_id
                                           where a.title = '2026安徽省中小企业采购对接暨商机发布会' and u.username = 'viewer')
                               and exists (select 1 from fair_participant p join fair a on a.id = p.fair_id
                                            join app_user u on u.enterprise_id = p.enterprise_id
                                           where a.title = '2026安徽省中小企业采购对接暨商机发布会' and u.username = 'merchant')
                               and exists (select 1 from fair_participant p join fair a on a.id = p.fair_id
                                           where a.title = '福建省中小企业线上投融资路演' and p.role = 'PROJECT')
                          from fair f where f.title in ('2026安徽省中小企业采购对接暨商机发布会', '福建省中小企业线上投融资路演')""")),
                150, "the screening demo fairs").then(script.run());
    }
}
