package io.livehall.realtime.stomp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The STOMP endpoint's own meters (besides {@code livehall.realtime.connections}). */
@Component
class RealtimeMetrics {

    private final Counter slowConsumers;
    private final Counter silentClosed;

    RealtimeMetrics(MeterRegistry meters) {
        this.slowConsumers = meters.counter("livehall.realtime.slow.consumers.dropped");
        this.silentClosed = meters.counter("livehall.realtime.silent.connections.closed");
    }

    void slowConsumerDropped() {
        slowConsumers.increment();
    }

    /** A client that sent nothing (no frame, heart-beat or pong) for twice its interval. */
    void silentConnectionClosed() {
        silentClosed.increment();
    }
}
