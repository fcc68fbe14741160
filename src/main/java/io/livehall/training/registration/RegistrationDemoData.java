package io.livehall.training.registration;

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
 * Local profile only: registration settings and a few registrations for the training demo series
 * ({@code demo/training-registration-demo.sql}), once those series exist (the training demo data seeds them at the same
 * moment, so this waits for them, up to a minute).
 */
@Component
@Profile("local")
class RegistrationDemoData implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log log = LogFactory.getLog(RegistrationDemoData.class);

    private final DatabaseClient db;
    private final String script;

    RegistrationDemoData(DatabaseClient db) {
        this.db = db;
        try {
            this.script = new ClassPathResource("demo/training-registration-demo.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seed().subscribe(null, e -> log.warn("Seeding the training registration demo data failed", e),
                () -> log.info("Training registration demo data ready"));
    }

    Mono<Void> seed() {
        Mono<Boolean> seriesThere = db.sql("""
                        select count(*) = 2 as ready from training_series
                         where title in ('宁夏中小企业高质量发展系列培训', '广西惠企政策直播培训')
                           and exists (select 1 from app_user where username = 'merchant')""")
                .map(row -> Boolean.TRUE.equals(row.get("ready", Boolean.class))).one();
        // no bind parameters: one simple query, run by PostgreSQL as one implicit transaction
        return seriesThere.filter(ready -> ready)
                .repeatWhenEmpty(30, attempts -> attempts.delayElements(Duration.ofSeconds(2)))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the training demo series did not appear")))
                .then(db.sql(script).then());
    }
}
