package io.livehall.realtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The coalescing rules in virtual time, with two "instances" (two {@link Coalesced} of one name) sharing the windows'
 * state as Redis would ({@link FakeWindows}, the semantics of {@code redis/coalesce-claim.lua}).
 */
class CoalescedTest {

    private static final Duration WINDOW = Duration.ofMillis(500);
    private static final Duration LEAD = Duration.ofMillis(150);
    /** an epoch instant in the middle of a window, as a real clock would be */
    private static final long EPOCH = 1_796_000_000_123L;

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final FakeWindows windows = new FakeWindows();
    private final AtomicInteger state = new AtomicInteger();
    private final List<long[]> published = new ArrayList<>(); // [at ms, payload]

    private record Sent(long at, String destination, Object payload) {
    }

    private final List<Sent> sent = new ArrayList<>();

    /** The claim script's rules on a map. */
    static final class FakeWindows implements Coalesced.Windows {
        final Map<String, Boolean> changed = new HashMap<>();
        final Map<String, Long> claimed = new HashMap<>();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public synchronized Mono<Coalesced.Claim> claim(String name, String key, long window, boolean changedHere) {
            if (down.get()) {
                return Mono.error(new IllegalStateException("Redis is away"));
            }
            String thing = name + ":" + key;
            if (changedHere) {
                changed.put(thing, true);
            }
            Long last = claimed.get(thing);
            if (last != null && last >= window) {
                return Mono.just(Coalesced.Claim.TAKEN);
            }
            if (changed.remove(thing) == null) {
                return Mono.just(Coalesced.Claim.CLEAN);
            }
            claimed.put(thing, window);
            return Mono.just(Coalesced.Claim.PUBLISH);
        }
    }

    @AfterEach
    void dispose() {
        time.dispose();
    }

    private Coalesced instance(Function<String, Mono<?>> snapshot) {
        return instance(Duration.ZERO, snapshot);
    }

    private Coalesced instance(Duration phase, Function<String, Mono<?>> snapshot) {
        return new Coalesced("test", WINDOW, phase, LEAD, key -> "/topic/test/" + key, snapshot, windows,
                (destination, payload) -> Mono.fromRunnable(() -> {
                    long at = time.now(TimeUnit.MILLISECONDS);
                    sent.add(new Sent(at, destination, payload));
                    published.add(new long[] {at, ((Number) payload).longValue()});
                }), time, new SimpleMeterRegistry());
    }

    private Coalesced instance() {
        return instance(key -> Mono.fromSupplier(state::get));
    }

    private void at(long epochMillis) {
        time.advanceTimeTo(java.time.Instant.ofEpochMilli(epochMillis));
    }

    private long now() {
        return time.now(TimeUnit.MILLISECONDS);
    }

    @Test
    void aBurstOfAHundredChangesOnTwoInstancesIsAtMostTwoPublicationsPerAlignedSecondAndEndsWithTheLastState() {
        at(EPOCH);
        Coalesced a = instance();
        Coalesced b = instance();
        a.start();
        b.start();
        for (int i = 0; i < 100; i++) {
            time.advanceTimeBy(Duration.ofMillis(37)); // 3.7 s of changes, half on each instance
            state.incrementAndGet();
            (i % 2 == 0 ? a : b).changed("7");
        }
        time.advanceTimeBy(Duration.ofSeconds(2));

        assertThat(published).isNotEmpty();
        Map<Long, Integer> perSecond = new TreeMap<>();
        Map<Long, Integer> perWindow = new TreeMap<>();
        for (long[] p : published) {
            assertThat(p[0] % WINDOW.toMillis()).as("published as its window starts").isZero();
            perSecond.merge(p[0] / 1000, 1, Integer::sum);
            perWindow.merge(p[0] / WINDOW.toMillis(), 1, Integer::sum);
        }
        assertThat(perSecond.values()).allMatch(n -> n <= 2);
        assertThat(perWindow.values()).as("one instance per window").allMatch(n -> n == 1);
        assertThat(published.get(published.size() - 1)[1]).as("the last state").isEqualTo(100);
        assertThat(published.size()).isBetween(7, 10); // 3.7 s of changes: about one per window
        assertThat(sent).allMatch(s -> s.destination().equals("/topic/test/7"));

        int count = published.size();
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(published).as("nothing changed: nothing more").hasSize(count);
    }

    @Test
    void aPhaseShiftsThePublicationsAndKeepsTwoASecond() {
        at(EPOCH);
        Duration phase = Duration.ofMillis(250);
        Coalesced a = instance(phase, key -> Mono.fromSupplier(state::get));
        Coalesced b = instance(phase, key -> Mono.fromSupplier(state::get));
        a.start();
        b.start();
        for (int i = 0; i < 100; i++) {
            time.advanceTimeBy(Duration.ofMillis(29));
            state.incrementAndGet();
            (i % 2 == 0 ? a : b).changed("7");
        }
        time.advanceTimeBy(Duration.ofSeconds(2));
        Map<Long, Integer> perSecond = new TreeMap<>();
        for (long[] p : published) {
            assertThat(p[0] % WINDOW.toMillis()).isEqualTo(250);
            perSecond.merge(p[0] / 1000, 1, Integer::sum);
        }
        assertThat(perSecond.values()).allMatch(n -> n <= 2);
        for (int i = 1; i < published.size(); i++) {
            assertThat(published.get(i)[0] - published.get(i - 1)[0]).isGreaterThanOrEqualTo(WINDOW.toMillis());
        }
        assertThat(published.get(published.size() - 1)[1]).isEqualTo(100);
    }

    @Test
    void aChangeIsPublishedAtTheNextWindowAfterALeadAndKeysAreApart() {
        at(EPOCH); // .123 into a window: its ticks are at .350 (for .500) and .850 (for .000)
        Coalesced a = instance();
        a.start();
        a.changed("1");
        a.changed("2");
        state.set(5);
        time.advanceTimeBy(Duration.ofMillis(376));
        assertThat(published).as("read at .350, held until the window starts").isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(published).extracting(p -> p[0]).containsExactly(EPOCH - 123 + 500, EPOCH - 123 + 500);
        assertThat(sent).extracting(Sent::destination).containsExactlyInAnyOrder("/topic/test/1", "/topic/test/2");
        a.changed("1");
        time.advanceTimeBy(Duration.ofMillis(499));
        assertThat(published).as("changed at .500, after the .350 tick: out at the next window").hasSize(2);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(published).hasSize(3);
        assertThat(published.get(2)[0]).isEqualTo(EPOCH - 123 + 1000);
    }

    @Test
    void aSlowReadIsPublishedWhenReadyAndAChangeDuringItGoesOutNextWindow() {
        at(EPOCH);
        Coalesced a = instance(key -> Mono.fromSupplier(state::get).delayElement(Duration.ofMillis(300), time));
        a.start();
        state.set(1);
        a.changed("1");
        long start = EPOCH - 123 + 500;
        at(start - 150 + 100); // reading since the tick at start - 150
        state.set(2);
        a.changed("1");
        at(start + 150);
        assertThat(published).hasSize(1);
        assertThat(published.get(0)).containsExactly(start + 150, 1); // late by what the read took past the lead
        at(start + 500 + 200);
        assertThat(published).hasSize(2);
        assertThat(published.get(1)).containsExactly(start + 500 + 150, 2);
    }

    @Test
    void whenRedisOrThePublicationFailsTheChangeGoesOutLater() {
        at(EPOCH);
        AtomicBoolean fail = new AtomicBoolean(true);
        Coalesced a = instance(key -> fail.get() ? Mono.error(new IllegalStateException("PostgreSQL is away"))
                : Mono.fromSupplier(state::get));
        a.start();
        state.set(9);
        a.changed("1");
        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(published).isEmpty();
        fail.set(false);
        windows.down.set(true);
        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(published).isEmpty();
        windows.down.set(false);
        time.advanceTimeBy(Duration.ofMillis(500));
        assertThat(published).hasSize(1);
        assertThat(published.get(0)[1]).isEqualTo(9);
    }

    @Test
    void anInstanceThatMarkedAChangeInAnotherInstancesWindowSeesItPublished() {
        at(EPOCH);
        Coalesced a = instance();
        Coalesced b = instance();
        a.start();
        b.start();
        // b claims the window with its change; a marks its change in the same window after b's claim
        state.set(1);
        b.changed("1");
        a.changed("1");
        time.advanceTimeBy(Duration.ofSeconds(3));
        assertThat(published).hasSizeLessThanOrEqualTo(2);
        assertThat(published.get(published.size() - 1)[1]).isEqualTo(1);
        assertThat(published.get(0)[0] % 500).isZero();
        if (published.size() == 2) {
            assertThat(published.get(1)[0] - published.get(0)[0]).isEqualTo(500);
        }
    }

    @Test
    void stoppedItPublishesNothing() {
        at(EPOCH);
        Coalesced a = instance();
        a.start();
        a.stop();
        a.changed("1");
        time.advanceTimeBy(Duration.ofSeconds(3));
        assertThat(published).isEmpty();
        a.start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(published).hasSize(1);
        assertThat(now() - published.get(0)[0]).isLessThan(1000);
    }

    @Test
    void theLeadAndThePhaseAreShorterThanTheWindow() {
        assertThatThrownBy(() -> new Coalesced("x", WINDOW, Duration.ZERO, WINDOW, k -> k, k -> Mono.empty(), windows,
                (d, p) -> Mono.empty(), time, new SimpleMeterRegistry())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coalesced("x", WINDOW, WINDOW, LEAD, k -> k, k -> Mono.empty(), windows,
                (d, p) -> Mono.empty(), time, new SimpleMeterRegistry())).isInstanceOf(IllegalArgumentException.class);
    }
}
