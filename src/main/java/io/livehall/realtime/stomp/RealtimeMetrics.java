package io.livehall.realtime.stomp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

@Component
class RealtimeMetrics {

    private final Counter slowConsumers;

    RealtimeMetrics(MeterRegistry meters) {
        this.slowConsumers = meters.counter("livehall.realtime.slow.consumers.dropped");
    }

    void slowConsumerDropped() {
        slowConsumers.increment();
    }
}
