package io.livehall.showcase.order;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A background job of this instance run every {@code period} (one run at a time; a slow run skips ticks),
 * started and stopped with the application context. Failures are logged and the next tick runs again.
 */
abstract class Periodic implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(Periodic.class);

    private volatile Disposable running;

    protected abstract Duration period();

    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        Supplier<Mono<?>> job = this::runOnce;
        running = Flux.interval(period(), period())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(job).onErrorResume(e -> {
                    log.warn(getClass().getSimpleName() + " failed", e);
                    return Mono.empty();
                }).then(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable d = running;
        return d != null && !d.isDisposed();
    }
}
