package io.livehall.common.schedule;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

/**
 * A bean whose work runs on a {@link Periodic} timer, started and stopped with the application context. Subclasses
 * say how often ({@link #period()}) and what one run does ({@link #runOnce()}).
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private final MeterRegistry meters;
    private volatile Periodic running;

    protected PeriodicJob(MeterRegistry meters) {
        this.meters = meters;
    }

    protected abstract Duration period();

    protected abstract Mono<?> runOnce();

    /** How long one run may take before it is cancelled (and the next tick runs it again). */
    protected Duration timeout() {
        return period().multipliedBy(6).plusSeconds(30);
    }

    protected String name() {
        return getClass().getSimpleName();
    }

    @Override
    public void start() {
        running = Periodic.start(name(), period(), timeout(), meters, this::runOnce);
    }

    @Override
    public void stop() {
        Periodic p = running;
        if (p != null) {
            p.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Periodic p = running;
        return p != null && !p.isDisposed();
    }
}
