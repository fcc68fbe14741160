package io.livehall.fair;

import java.time.Duration;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What changed at a fair, told on this instance after the change has committed: matching recomputes the pairs of a
 * changed listing or participant, the organisers' KPIs are republished. Features call {@link #changed} after their
 * transaction; listeners subscribe to {@link #changes}. Best effort and local: a listener that must not miss a change
 * reads the truth from PostgreSQL (a change is a hint, not the data).
 */
@Component
public class FairActivity {

    /** What kind of thing changed; {@code subjectId} is its id (participant, listing, match, meeting or pair). */
    public enum What { FAIR, PARTICIPANT, LISTING, MATCH, MEETING, PIPELINE }

    public record Change(long fairId, What what, long subjectId) {
    }

    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();

    /** Tells listeners; call after the change committed. A listing belongs to no one fair: {@code fairId} 0. */
    public void changed(long fairId, What what, long subjectId) {
        sink.emitNext(new Change(fairId, what, subjectId), Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    public Flux<Change> changes() {
        return sink.asFlux();
    }
}
