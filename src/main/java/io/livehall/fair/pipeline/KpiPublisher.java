package io.livehall.fair.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.schedule.Periodic;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairDestinations;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisers' live KPIs on {@code /topic/fair/{fairId}/kpi} (latest value; only the fair's organisers and admins
 * may subscribe). Every {@link FairActivity} change marks its fair dirty on this instance (a listing's change: every
 * fair its enterprise registered for); every 100 ms each dirty fair whose slot is free (a Redis {@code SET NX PX 500}
 * per fair, shared by all instances) is read from PostgreSQL and published, so a fair gets at most two updates a second
 * however many instances took the changes. A fair whose slot is taken stays dirty and goes out in the next slot, so the
 * last change is never lost.
 */
@Component
class KpiPublisher implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Log log = LogFactory.getLog(KpiPublisher.class);

    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final FairActivity activity;
    private final FairKpis kpis;
    private final PipelineRepository pairs;
    private final Broker broker;
    private final ReactiveStringRedisTemplate redis;
    private final MeterRegistry meters;
    private volatile Disposable listening;
    private volatile Periodic publisher;

    KpiPublisher(FairActivity activity, FairKpis kpis, PipelineRepository pairs, Broker broker,
                 ReactiveStringRedisTemplate redis, MeterRegistry meters, DestinationCatalog catalog, Fairs fairs) {
        this.activity = activity;
        this.kpis = kpis;
        this.pairs = pairs;
        this.broker = broker;
        this.redis = redis;
        this.meters = meters;
        catalog.register(FairDestinations.KPI, DestinationKind.LATEST,
                Access.roles("ORGANISER", "ADMIN").guardedBy((user, vars) -> {
                    long fairId;
                    try {
                        fairId = Long.parseLong(vars.get("fairId"));
                    } catch (NumberFormatException e) {
                        return Mono.just(false);
                    }
                    FairStaff staff = new FairStaff(Long.parseLong(user.id()), user.roles().contains("ADMIN"));
                    return fairs.runs(staff, fairId);
                }));
    }

    /** Marks the fairs a change touches. */
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

    private Mono<Void> publishDirty() {
        return Flux.fromIterable(List.copyOf(dirty)).flatMap(this::publish, 4).then();
    }

    private Mono<Void> publish(long fairId) {
        return redis.opsForValue().setIfAbsent(RedisKeys.of("fair-kpi", fairId, "pub"), "1", INTERVAL)
                .flatMap(claimed -> {
                    if (!claimed) {
                        return Mono.empty();
                    }
                    // removed before reading, so a change made while reading marks it again
                    dirty.remove(fairId);
                    return kpis.of(fairId)
                            .flatMap(kpi -> broker.publish(FairDestinations.KPI.with(fairId), kpi))
                            .doOnSuccess(v -> meters.counter("livehall.fair.kpi.published").increment())
                            .doOnError(e -> dirty.add(fairId))
                            .then();
                });
    }

    @Override
    public void start() {
        listening = activity.changes().onBackpressureBuffer(10_000).concatMap(this::fairsOf).subscribe(dirty::add);
        publisher = Periodic.start("fair-kpi", TICK, Duration.ofSeconds(10), meters, this::publishDirty);
    }

    @Override
    public void stop() {
        Disposable l = listening;
        if (l != null) {
            l.dispose();
        }
        Periodic p = publisher;
        if (p != null) {
            p.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Periodic p = publisher;
        return p != null && !p.isDisposed();
    }
}
