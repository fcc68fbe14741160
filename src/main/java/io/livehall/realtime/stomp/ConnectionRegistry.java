package io.livehall.realtime.stomp;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.schedule.Periodic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The open STOMP connections of this instance. One timer for all of them drives heart-beats: every
 * {@link #HEARTBEAT_TICK} each connection sends what is due and closes if its client went silent (a timer per
 * connection would cost a scheduled task each). On shutdown (SIGTERM) each client is told "server restarting"
 * and closed with 1012 so it reconnects to another instance; this runs before the web server stops accepting
 * and before Redis and the database close.
 */
@Component
class ConnectionRegistry implements SmartLifecycle {

    static final Duration HEARTBEAT_TICK = Duration.ofMillis(250);

    private final Set<StompConnection> connections = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile boolean running;
    private volatile Periodic heartbeats;

    ConnectionRegistry(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        Gauge.builder("livehall.realtime.connections", connections, Set::size).register(meters);
    }

    void add(StompConnection connection) {
        connections.add(connection);
    }

    void remove(StompConnection connection) {
        connections.remove(connection);
    }

    /**
     * Ends this instance's connections opened with a revoked token: {@code jti} for one token (logout), else every
     * token of the user whose version is below {@code version} (role change, suspension). Answers how many.
     */
    int revoke(String userId, String jti, long version) {
        int closed = 0;
        for (StompConnection c : connections) {
            if (c.revokeIfMatches(userId, jti, version)) {
                closed++;
            }
        }
        return closed;
    }

    @Override
    public void start() {
        running = true;
        // on Periodic: one connection's failure is logged and the next tick runs (a bare interval would stop for good)
        heartbeats = Periodic.start("stomp-heartbeats", HEARTBEAT_TICK, Duration.ofSeconds(5), meters,
                () -> Mono.fromRunnable(() -> {
                    long now = clock.millis();
                    connections.forEach(c -> c.heartbeatTick(now));
                }));
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    /** Tells every client, then reports done once all connections have closed (3 s at most). */
    @Override
    public void stop(Runnable callback) {
        running = false;
        Periodic h = heartbeats;
        if (h != null) {
            h.dispose();
        }
        connections.forEach(StompConnection::serverRestarting);
        Flux.interval(Duration.ofMillis(50))
                .takeUntil(n -> connections.isEmpty() || n >= 60)
                .subscribe(n -> { }, e -> callback.run(), callback);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // above the web server's graceful-shutdown phase, so clients are told before it stops
        return Integer.MAX_VALUE - 512;
    }
}
