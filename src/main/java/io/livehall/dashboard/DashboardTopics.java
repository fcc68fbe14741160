package io.livehall.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.livehall.common.schedule.Periodic;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Coalesced;
import io.livehall.realtime.broker.CoalescedPublisher;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationPattern;
import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.realtime.stomp.ConnectionListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The organisers' live dashboard on {@code /topic/dashboard/{scope}/overview} (latest value): ORGANISER and ADMIN, and
 * MERCHANT (its own merchant's), only for scopes they may watch ({@link ScopeAccess#allowsTopic}, a guard checked at
 * each SUBSCRIBE). While this instance has subscribers to a scope (it hears SUBSCRIBE, UNSUBSCRIBE and disconnects as a
 * {@link ConnectionListener}), it marks the scope changed every {@link #MARK} ({@link Periodic}); {@link
 * CoalescedPublisher} publishes it at most once per {@link #WINDOW} by one instance of all, so every subscriber gets at
 * most one frame a second and any change (an order, a viewer joining) shows within about a second. Nobody watching:
 * nothing is read or sent.
 */
@Component
class DashboardTopics implements ConnectionListener, SmartLifecycle {

    static final DestinationPattern OVERVIEW = DestinationPattern.of("/topic/dashboard/{scope}/overview");
    static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration PHASE = Duration.ofMillis(700);
    private static final Duration LEAD = Duration.ofMillis(400);
    static final Duration MARK = Duration.ofMillis(500);
    private static final Pattern TOPIC = Pattern.compile("^/topic/dashboard/([A-Za-z0-9-]{1,40})/overview$");

    private final Coalesced topic;
    private final MeterRegistry meters;
    /** connection → the scopes it watches here */
    private final Map<String, Set<String>> watching = new ConcurrentHashMap<>();
    private volatile Periodic marking;

    DashboardTopics(DestinationCatalog catalog, CoalescedPublisher coalesced, ScopeAccess access, Snapshots snapshots,
                    MeterRegistry meters) {
        this.meters = meters;
        catalog.registerCoalesced(OVERVIEW, Access.roles("ORGANISER", "ADMIN", "MERCHANT")
                .guardedBy((user, vars) -> access.allowsTopic(Watcher.of(user.id(), user.roles()), vars.get("scope"))), WINDOW);
        this.topic = coalesced.register("dashboard", WINDOW, PHASE, LEAD, OVERVIEW::with,
                key -> access.forTopic(key).flatMap(snapshots::of));
    }

    /** The scopes someone on this instance watches now. */
    Set<String> watched() {
        Set<String> all = new java.util.HashSet<>();
        watching.values().forEach(all::addAll);
        return all;
    }

    @Override
    public Mono<Void> subscribed(String connection, RealtimeUser user, String destination) {
        scopeOf(destination).ifPresent(scope -> {
            watching.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(scope);
            topic.changed(scope);
        });
        return Mono.empty();
    }

    @Override
    public Mono<Void> unsubscribed(String connection, String destination) {
        scopeOf(destination).ifPresent(scope -> watching.computeIfPresent(connection, (c, scopes) -> {
            scopes.remove(scope);
            return scopes.isEmpty() ? null : scopes;
        }));
        return Mono.empty();
    }

    @Override
    public Mono<Void> disconnected(String connection) {
        watching.remove(connection);
        return Mono.empty();
    }

    private static java.util.Optional<String> scopeOf(String destination) {
        Matcher m = TOPIC.matcher(destination);
        return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    @Override
    public void start() {
        marking = Periodic.start("dashboard-mark", MARK, MARK, meters,
                () -> Mono.fromRunnable(() -> watched().forEach(topic::changed)));
    }

    @Override
    public void stop() {
        Periodic m = marking;
        if (m != null) {
            m.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Periodic m = marking;
        return m != null && !m.isDisposed();
    }
}
