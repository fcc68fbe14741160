package io.livehall.fair.pipeline;

import java.time.Duration;

import io.livehall.fair.FairActivity;
import io.livehall.fair.FairDestinations;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Coalesced;
import io.livehall.realtime.broker.CoalescedPublisher;
import io.livehall.realtime.broker.DestinationCatalog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisers' live KPIs on {@code /topic/fair/{fairId}/kpi} (latest value; only the fair's organisers and admins
 * may subscribe), coalesced through the one seam ({@link CoalescedPublisher}): every {@link FairActivity} change marks
 * its fair (a listing's change: every fair its enterprise registered for); at most once per {@link #WINDOW} (on the
 * wall clock: at most two updates in any clock second, however many instances took the changes) one instance reads the
 * fair's KPIs from PostgreSQL and publishes them. A change made after the read goes out in the next window, so the
 * last change is never lost.
 */
@Component
class KpiPublisher implements SmartLifecycle {

    static final Duration WINDOW = Duration.ofMillis(600);
    private static final Duration PHASE = Duration.ofMillis(450);
    private static final Duration LEAD = Duration.ofMillis(100);
    private static final Log log = LogFactory.getLog(KpiPublisher.class);

    private final FairActivity activity;
    private final PipelineRepository pairs;
    private final Coalesced topic;
    private volatile Disposable listening;

    KpiPublisher(FairActivity activity, FairKpis kpis, PipelineRepository pairs, CoalescedPublisher coalesced,
                 DestinationCatalog catalog, Fairs fairs) {
        this.activity = activity;
        this.pairs = pairs;
        this.topic = coalesced.register("fair-kpi", WINDOW, PHASE, LEAD,
                key -> FairDestinations.KPI.with(Long.parseLong(key)), key -> kpis.of(Long.parseLong(key)));
        catalog.registerCoalesced(FairDestinations.KPI,
                Access.roles("ORGANISER", "ADMIN").guardedBy((user, vars) -> {
                    long fairId;
                    try {
                        fairId = Long.parseLong(vars.get("fairId"));
                    } catch (NumberFormatException e) {
                        return Mono.just(false);
                    }
                    FairStaff staff = new FairStaff(Long.parseLong(user.id()), user.roles().contains("ADMIN"));
                    return fairs.runs(staff, fairId);
                }), WINDOW);
    }

    /** The fairs a change touches. */
    private Flux<Long> fairsOf(FairActivity.Change change) {
        if (change.fairId() > 0) {
            return Flux.just(change.fairId());
        }
        if (change.what() == FairActivity.What.LISTING) {
            return pairs.fairsOfListing(change.subjectId())
                    .onErrorResume(e -> {
                        log.warn("Could not find the fairs of listing " + change.subjectId() + ": " + e);
                        return Flux.empty();
                    });
        }
        return Flux.empty();
    }

    @Override
    public void start() {
        listening = activity.changes().onBackpressureBuffer(10_000).concatMap(this::fairsOf)
                .subscribe(fairId -> topic.changed(Long.toString(fairId)));
    }

    @Override
    public void stop() {
        Disposable l = listening;
        if (l != null) {
            l.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable l = listening;
        return l != null && !l.isDisposed();
    }
}
