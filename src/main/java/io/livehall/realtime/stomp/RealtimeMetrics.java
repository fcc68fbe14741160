package io.livehall.realtime.stomp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** The STOMP endpoint's own meters (besides {@code livehall.realtime.connections}). */
@Component
class RealtimeMetrics {

    private final Counter slowConsumers;
    private final Counter silentClosed;
    private final Timer outboxWait;

    RealtimeMetrics(MeterRegistry meters) {
        this.outboxWait = Timer.builder("livehall.realtime.delivery.wait")
                .description("How long a frame waited in its connection's outbox before the WebSocket took it (a "
                        + "spaced coalesced frame's hold is not counted: it enters the outbox when it is due)")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(30))
                .register(meters);
        this.slowConsumers = meters.counter("livehall.realtime.slow.consumers.dropped");
        this.silentClosed = meters.counter("livehall.realtime.silent.connections.closed");
    }

    /** A frame left an outbox after waiting {@code millis}; the timer's count is the frames delivered. */
    void frameSent(long millis) {
        outboxWait.record(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void slowConsumerDropped() {
        slowConsumers.increment();
    }

    /** A client that sent nothing (no frame, heart-beat or pong) for twice its interval. */
    void silentConnectionClosed() {
        silentClosed.increment();
    }
}
