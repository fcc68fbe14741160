package io.livehall.fair.matching;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Local profile only: computes the matches of the Anhui demo fair once its enterprises' listings are there (the
 * screening and listing demo data seed them at start-up: this waits, up to ten minutes, until the fair exists and its
 * listing count stops growing), unless a run has already been made (a restart keeps it); then the Fujian demo
 * roadshow's, whose projects and investors have no listings and match on their questionnaires.
 */
@Component
@Profile("local")
class MatchingDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String FAIR_TITLE = "2026安徽省中小企业采购对接暨商机发布会";
    static final String ROADSHOW_TITLE = "福建省中小企业线上投融资路演";

    private static final Log log = LogFactory.getLog(MatchingDemoData.class);

    private final DatabaseClient db;
    private final MatchingQueue queue;

    MatchingDemoData(DatabaseClient db, MatchingQueue queue) {
        this.db = db;
        this.queue = queue;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(fair -> log.info("Matching of the demo fair " + fair + " queued"),
                e -> log.warn("Matching the demo fair failed", e));
    }

    Mono<Long> seed() {
        long[] last = {-1};
        Mono<Long> settled = db.sql("""
                        select f.id, (select count(*) from fair_listing l join fair_participant p
                                        on p.enterprise_id = l.enterprise_id and p.fair_id = f.id
                                       where p.status = 'APPROVED') as listings,
                               exists (select 1 from fair_match_run r where r.fair_id = f.id) as done
                          from fair f where f.title = :title order by f.id limit 1""")
                .bind("title", FAIR_TITLE)
                .map(row -> new long[] {row.get("id", Long.class), row.get("listings", Long.class),
                        Boolean.TRUE.equals(row.get("done", Boolean.class)) ? 1 : 0})
                .one()
                .flatMap(r -> {
                    if (r[2] == 1) {
                        return Mono.just(-r[0]);
                    }
                    boolean stable = r[1] > 0 && r[1] == last[0];
                    last[0] = r[1];
                    return stable ? Mono.just(r[0]) : Mono.empty();
                });
        return settled.repeatWhenEmpty(120, attempts -> attempts.delayElements(Duration.ofSeconds(5)))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the demo fair's listings did not appear")))
                .flatMap(fair -> roadshow().doOnNext(queue::recompute).thenReturn(fair))
                .filter(fair -> fair > 0)
                .doOnNext(queue::recompute);
    }

    /** The demo roadshow, unless matched before: its projects and investors match on their questionnaires. */
    private Mono<Long> roadshow() {
        return db.sql("""
                        select f.id from fair f where f.title = :title
                           and not exists (select 1 from fair_match_run r where r.fair_id = f.id)
                         order by f.id limit 1""")
                .bind("title", ROADSHOW_TITLE).map(row -> row.get(0, Long.class)).one();
    }
}
