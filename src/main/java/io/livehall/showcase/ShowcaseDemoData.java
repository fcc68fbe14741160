package io.livehall.showcase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.livehall.identity.DemoAccounts;
import io.livehall.realtime.presence.Presence;
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
 * review, one session live and one scheduled, both playing the demo stream) unless the round is there already.
 * A hall seeded before the demo stream existed gets its two sessions' placeholder stream URLs replaced by it.
 */
@Component
@Profile("local")
class ShowcaseDemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String ROUND = "第一批陕西名优产品进展厅上平台";
    /** The demo loop (DemoStreamController): a path on the app's own host. */
    static final String DEMO_STREAM = "/demo/stream/live.m3u8";
    /** What the seed used before the demo stream: hosts that never served anything. */
    private static final List<String> OLD_PLACEHOLDERS =
            List.of("https://live.example.com/dongyu/index.m3u8", "https://live.example.com/granna/index.m3u8");
    private static final Log log = LogFactory.getLog(ShowcaseDemoData.class);

    private final DemoAccounts accounts;
    private final DatabaseClient db;
    private final Presence presence;
    private final String script;

    ShowcaseDemoData(DemoAccounts accounts, DatabaseClient db, Presence presence) {
        this.accounts = accounts;
        this.presence = presence;
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
        return accounts.seeded().then(present).flatMap(already -> already ? repointOldPlaceholders().thenReturn(false)
                // no bind parameters: sent as one simple query, which PostgreSQL runs as one implicit transaction
                : db.sql(script).then().then(forgetOldFigures()).thenReturn(true));
    }

    /**
     * The seeded sessions start with no audience: figures Redis may still hold under their ids (a database reset
     * while Redis kept its data) would show a peak that never happened in them.
     */
    Mono<Void> forgetOldFigures() {
        return db.sql("select s.id from live_session s join merchant m on m.id = s.merchant_id"
                        + " where m.display_name in ('东裕茗茶', '格兰纳护肤')")
                .map(row -> row.get("id", Long.class)).all()
                .concatMap(id -> presence.forget(ShowcaseDestinations.ROOM_TYPE, String.valueOf(id)))
                .then();
    }

    /** Demo halls seeded with the old placeholder URLs play the demo stream too; a no-op once they do. */
    private Mono<Long> repointOldPlaceholders() {
        return db.sql("update live_session set stream_url = :stream, updated_at = now() where stream_url = any(:old)")
                .bind("stream", DEMO_STREAM).bind("old", OLD_PLACEHOLDERS.toArray(String[]::new))
                .fetch().rowsUpdated()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Demo live sessions now play the demo stream " + DEMO_STREAM + " (" + n + " updated)");
                    }
                });
    }
}
