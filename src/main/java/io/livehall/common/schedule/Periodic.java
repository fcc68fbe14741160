package io.livehall.common.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one way this application runs background work on a timer (presence refresh, heart-beats, sweepers,
 * settlement). Every {@code period} the job runs once; runs never overlap (a tick that comes while the previous
 * run is busy is skipped, so a slow Redis or a long GC pause cannot overflow the timer and end the loop); a run that
 * fails or throws is logged and counted ({@code livehall.periodic.failures{job}}) and the next tick runs again; a
 * run that outlasts {@code timeout} is cancelled and counted the same way, so one hung call cannot stop a job for
 * good. Nothing but {@link #dispose()} ends it.
 */
public final class Periodic implements Disposable {

    private static final Log log = LogFactory.getLog(Periodic.class);

    private final String name;
    private final Disposable running;

    private Periodic(String name, Disposable running) {
        this.name = name;
        this.running = running;
    }

    /** Starts a job on Reactor's parallel scheduler; its runs time out after {@code timeout}. */
    public static Periodic start(String name, Duration period, Duration timeout, MeterRegistry meters,
                                 Supplier<? extends Publisher<?>> job) {
        return start(name, period, timeout, meters, job, Schedulers.parallel());
    }

    /** The same on a given scheduler (tests pass a virtual-time one). */
    public static Periodic start(String name, Duration period, Duration timeout, MeterRegistry meters,
                                 Supplier<? extends Publisher<?>> job, Scheduler scheduler) {
        Objects.requireNonNull(job, "job");
        Counter failures = Counter.builder("livehall.periodic.failures").tag("job", name)
                .description("Runs of a periodic job that failed or timed out").register(meters);
        Counter runs = Counter.builder("livehall.periodic.runs").tag("job", name).register(meters);
        Disposable running = Flux.interval(period, period, scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(() -> Flux.from(job.get()).then())
                        .timeout(timeout, scheduler)
                        .doOnSuccess(v -> runs.increment())
                        .onErrorResume(e -> {
                            failures.increment();
                            log.warn("Periodic job " + name + " failed; it runs again in " + period, e);
                            return Mono.empty();
                        }), 1)
                .subscribe(v -> { }, e -> log.error("Periodic job " + name + " stopped", e));
        return new Periodic(name, running);
    }

    public String name() {
        return name;
    }

    @Override
    public void dispose() {
        running.dispose();
    }

    @Override
    public boolean isDisposed() {
        return running.isDisposed();
    }
}
