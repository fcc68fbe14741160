package io.livehall.realtime.stomp;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.schedule.Periodic;
import io.livehall.identity.RevokedAccess;
import io.livehall.identity.TokenRevocationEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
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
    private static final Log log = LogFactory.getLog(ConnectionRegistry.class);

    private final Set<StompConnection> connections = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;
    private final Clock clock;
    private final TokenRevocationEvents revocations;
    private volatile Disposable revocationEvents;
    private volatile boolean running;
    private volatile Periodic heartbeats;

    ConnectionRegistry(MeterRegistry meters, Clock clock, TokenRevocationEvents revocations) {
        this.meters = meters;
        this.clock = clock;
        this.revocations = revocations;
        Gauge.builder("livehall.realtime.connections", connections, Set::size).register(meters);
    }

    void add(StompConnection connection) {
        connections.add(connection);
    }

    void remove(StompConnection connection) {
        connections.remove(connection);
    }

    /** Ends this instance's connections opened with a token the event revokes; answers how many. */
    int revoke(RevokedAccess revocation) {
        int closed = 0;
        for (StompConnection c : connections) {
            if (c.revokeIfMatches(revocation)) {
                closed++;
            }
        }
        return closed;
    }

    @Override
    public void start() {
        running = true;
        // logout, role change, suspension on any instance: connections opened with those tokens end at once
        revocationEvents = revocations.revocations()
                .subscribe(this::revoke, e -> log.error("Listening to token revocations stopped", e));
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
        Disposable r = revocationEvents;
        if (r != null) {
            r.dispose();
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
