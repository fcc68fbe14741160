package io.livehall.fair.pipeline;

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
 * Local profile only: pairs at every stage of the pipeline in the Anhui demo fair ({@code demo/fair-pipeline-demo.sql}),
 * once the screening demo data has seeded that fair and approved its enterprises (it waits for them, up to four
 * minutes: ~2,000 enterprises take a while on a small machine).
 */
@Component
@Profile("local")
class PipelineDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String FAIR = "2026安徽省中小企业采购对接暨商机发布会";
    private static final Log log = LogFactory.getLog(PipelineDemoData.class);

    private final DatabaseClient db;
    private final String script;

    PipelineDemoData(DatabaseClient db) {
        this.db = db;
        try {
            this.script = new ClassPathResource("demo/fair-pipeline-demo.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed(Duration.ofSeconds(4), 60).subscribe(null, e -> log.warn("Seeding the fair pipeline demo data failed", e),
                () -> log.info("Fair pipeline demo data ready"));
    }

    /** Waits (every {@code every}, at most {@code attempts} times) for the fair with 200 approved enterprises, then seeds. */
    Mono<Void> seed(Duration every, int attempts) {
        Mono<Boolean> fairThere = db.sql("""
                        select count(*) >= 200 as ready from fair_participant p join fair f on f.id = p.fair_id
                         where f.title = :title and p.status = 'APPROVED'""")
                .bind("title", FAIR)
                .map(row -> Boolean.TRUE.equals(row.get("ready", Boolean.class))).one();
        // no bind parameters: one simple query, run by PostgreSQL as one implicit transaction
        return fairThere.filter(ready -> ready)
                .repeatWhenEmpty(attempts, tries -> tries.delayElements(every))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the Anhui demo fair did not appear")))
                .then(db.sql(script).then());
    }
}
