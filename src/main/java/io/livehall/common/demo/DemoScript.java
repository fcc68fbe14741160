package io.livehall.common.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * A demo-data SQL script of the local profile ({@code src/main/resources/demo/<name>.sql}), as every feature's demo
 * data runs it: read once when the feature's bean is made, sent without bind parameters (one simple query, which
 * PostgreSQL runs as one implicit transaction: all of it or nothing), only into a database that does not have it yet
 * ({@link #runUnless}), after the demo data it builds on appeared ({@link #awaitReady}: the features seed at the same
 * moment, in no set order).
 */
public final class DemoScript {

    private static final Log log = LogFactory.getLog(DemoScript.class);
    private static final Duration ASK_EVERY = Duration.ofSeconds(2);

    private final DatabaseClient db;
    private final String path;
    private final String sql;

    /** The script {@code demo/<name>.sql}, read now (file I/O: call it from a constructor, never on an event loop). */
    public DemoScript(DatabaseClient db, String name) {
        this.db = db;
        this.path = "demo/" + name + ".sql";
        try {
            this.sql = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script (all or nothing) and logs how long it took. */
    public Mono<Void> run() {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return db.sql(sql).then().doOnSuccess(done -> log.info("Demo script " + path + " ran in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms"));
        });
    }

    /** Runs the script unless {@code present} answers true; answers whether it ran. */
    public Mono<Boolean> runUnless(Mono<Boolean> present) {
        return present.flatMap(already -> already ? Mono.just(false) : run().thenReturn(true));
    }

    /**
     * Completes once {@code ready} answers true, asking again every 2 s, at most {@code tries} more times; then fails
     * saying {@code what} did not appear.
     */
    public static Mono<Void> awaitReady(Mono<Boolean> ready, int tries, String what) {
        return awaitReady(ready, tries, what, Schedulers.parallel());
    }

    /** {@link #awaitReady(Mono, int, String)} with the waits on {@code timer} (a test's own virtual time). */
    static Mono<Void> awaitReady(Mono<Boolean> ready, int tries, String what, Scheduler timer) {
        return ready.flatMap(yes -> yes ? Mono.<Void>empty() : Mono.error(new NotYet()))
                .retryWhen(Retry.fixedDelay(tries, ASK_EVERY).scheduler(timer).filter(NotYet.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new IllegalStateException(what + " did not appear")));
    }

    private static final class NotYet extends RuntimeException {
        NotYet() {
            super("not yet", null, false, false);
        }
    }

    /** The answer of a query whose one row's first column is a boolean ({@code select exists (…)}). */
    public static Mono<Boolean> truth(DatabaseClient.GenericExecuteSpec query) {
        return query.map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one();
    }
}
