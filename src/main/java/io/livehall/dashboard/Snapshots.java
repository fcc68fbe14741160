package io.livehall.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.dashboard.DashboardViews.MinuteView;
import io.livehall.dashboard.DashboardViews.ProductView;
import io.livehall.dashboard.DashboardViews.RegionView;
import io.livehall.dashboard.DashboardViews.RoomView;
import io.livehall.dashboard.DashboardViews.SessionView;
import io.livehall.dashboard.DashboardViews.Snapshot;
import io.livehall.dashboard.DashboardViews.Totals;
import io.livehall.fair.FairDestinations;
import io.livehall.realtime.presence.Presence;
import io.livehall.realtime.presence.Viewers;
import io.livehall.showcase.ShowcaseDestinations;
import io.livehall.training.TrainingDestinations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A scope's snapshot now: rooms and their audience from presence (Redis), unique viewers today across the rooms
 * ({@link ScopeUniques}, a sum over the scopes of an organiser's {@code mine}), orders and GMV from the tally's minute and
 * day counters (Redis), the events' running totals from {@link EventFigures} (PostgreSQL, kept a few seconds), names
 * from {@link DashboardReads}. Regions: for the showcase the merchants' cities (their enterprise's region): the viewers
 * of their live rooms, their orders and GMV today; for fairs, the approved participants' cities with the number of
 * participating enterprises there ({@code enterprises}: a fair's audience has no known place).
 */
@Component
class Snapshots {

    static final int MINUTES = 60;
    static final int TOP = 10;
    static final int REGIONS = 20;
    private static final String PRODUCT = Tally.PRODUCT;
    private static final String MERCHANT = Tally.MERCHANT;

    private final DashboardReads reads;
    private final Presence presence;
    private final Tally tally;
    private final EventFigures events;
    private final ScopeUniques uniques;
    private final Clock clock;

    Snapshots(DashboardReads reads, Presence presence, Tally tally, EventFigures events, ScopeUniques uniques, Clock clock) {
        this.reads = reads;
        this.presence = presence;
        this.tally = tally;
        this.events = events;
        this.uniques = uniques;
        this.clock = clock;
    }

    /** The room type presence knows a dashboard room kind by. */
    static String roomType(String kind) {
        return switch (kind) {
            case "LIVE" -> ShowcaseDestinations.ROOM_TYPE;
            case "TRAINING" -> TrainingDestinations.ROOM_TYPE;
            default -> FairDestinations.ROADSHOW_ROOM_TYPE;
        };
    }

    /** A room with its audience now. */
    record Audience(DashboardReads.RoomRow room, Viewers viewers) {
    }

    Flux<Audience> audiences(Members members, Instant now) {
        return reads.rooms(members, now)
                .flatMapSequential(room -> presence.viewers(roomType(room.kind()), Long.toString(room.id()))
                        .map(v -> new Audience(room, v)), 8);
    }

    Mono<Snapshot> of(ScopeAccess.Resolved scope) {
        Instant now = clock.instant();
        Members members = scope.members();
        List<String> tallies = members.tallyScopes();
        long minute = Tally.minuteOf(now);
        Mono<List<Audience>> rooms = audiences(members, now).collectList();
        Mono<Map<String, Long>> day = sumOf(Flux.fromIterable(tallies).flatMap(s -> tally.day(s, Tally.day(now))));
        Mono<List<Map<String, Long>>> minutes = Flux.range(0, MINUTES)
                .flatMapSequential(i -> sumOf(Flux.fromIterable(tallies).flatMap(s -> tally.minute(s, minute - MINUTES + 1 + i))), 8)
                .collectList();
        Mono<Map<String, Long>> figures = events.of(members);
        Mono<Long> uniqueToday = Flux.fromIterable(tallies).flatMap(s -> uniques.count(s, Tally.day(now))).reduce(0L, Long::sum);
        return Mono.zip(rooms, day, minutes, figures, uniqueToday).flatMap(t -> {
            List<Audience> audience = t.getT1();
            Map<String, Long> today = t.getT2();
            List<Map<String, Long>> lastHour = t.getT3();
            Map<String, Long> totals = t.getT4();
            return Mono.zip(topProducts(today), regions(members, audience, today)).map(more -> {
                long viewersNow = audience.stream().filter(a -> a.room().live()).mapToLong(a -> a.viewers().now()).sum();
                List<MinuteView> points = new ArrayList<>();
                for (int i = 0; i < lastHour.size(); i++) {
                    Map<String, Long> m = lastHour.get(i);
                    long viewers = get(m, Measure.VIEWERS_PEAK);
                    if (i == lastHour.size() - 1) {
                        viewers = Math.max(viewers, viewersNow);
                    }
                    points.add(new MinuteView(Instant.ofEpochSecond((minute - MINUTES + 1 + i) * 60), viewers,
                            get(m, Measure.ORDERS), get(m, Measure.GMV_FEN)));
                }
                long peak = points.stream().mapToLong(MinuteView::viewers).max().orElse(0);
                // today's viewers across the rooms (a person in two counts once); before the first sample, the largest room's
                long unique = Math.max(t.getT5(), audience.stream().mapToLong(a -> a.viewers().unique()).max().orElse(0));
                Totals sums = new Totals(viewersNow, peak, unique,
                        get(lastHour.get(lastHour.size() - 1), Measure.ORDERS), get(today, Measure.ORDERS),
                        get(today, Measure.GMV_FEN), get(today, Measure.DEALS_SOLD_OUT), get(totals, Measure.REGISTRATIONS),
                        get(totals, Measure.CHECK_INS), get(totals, Measure.MEETINGS_BOOKED),
                        get(totals, Measure.MEETINGS_HELD), get(totals, Measure.INTENTIONS),
                        get(totals, Measure.SIGNED_DEALS), get(totals, Measure.SIGNED_AMOUNT_FEN));
                List<RoomView> roomViews = audience.stream()
                        .map(a -> new RoomView(a.room().kind(), a.room().id(), a.room().title(), a.viewers().now(),
                                a.viewers().peak(), a.viewers().unique(), a.room().live()))
                        .sorted(Comparator.comparing((RoomView r) -> !r.live()).thenComparing(RoomView::viewersNow, Comparator.reverseOrder()))
                        .limit(TOP).toList();
                return new Snapshot(scope.scope().name(), scope.title(), now, sums, roomViews, more.getT2(), more.getT1(),
                        topSessions(audience), points);
            });
        });
    }

    static List<SessionView> topSessions(List<Audience> audience) {
        return audience.stream()
                .map(a -> new SessionView(a.room().kind(), a.room().id(), a.room().title(), a.viewers().peak(), a.viewers().unique()))
                .sorted(Comparator.comparing(SessionView::peakViewers).thenComparing(SessionView::uniqueViewers).reversed())
                .limit(TOP).toList();
    }

    private Mono<List<ProductView>> topProducts(Map<String, Long> today) {
        Map<Long, long[]> sales = perThing(today, PRODUCT);
        List<Long> top = sales.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, long[]> e) -> e.getValue()[1])
                        .thenComparing(e -> e.getValue()[0]).reversed())
                .limit(TOP).map(Map.Entry::getKey).toList();
        return reads.products(top).map(names -> top.stream().map(id -> {
            DashboardReads.ProductName name = names.get(id);
            long[] s = sales.get(id);
            return new ProductView(id, name == null ? "" : name.name(), name == null ? "" : name.merchant(), s[0], s[1]);
        }).toList());
    }

    private Mono<List<RegionView>> regions(Members members, List<Audience> audience, Map<String, Long> today) {
        Map<String, long[]> byRegion = new HashMap<>();
        Mono<Void> showcase = Mono.empty();
        if (members.showcase()) {
            audience.stream().filter(a -> a.room().region() != null && a.room().live())
                    .forEach(a -> byRegion.computeIfAbsent(a.room().region(), r -> new long[4])[0] += a.viewers().now());
            Map<Long, long[]> merchants = perThing(today, MERCHANT);
            showcase = reads.merchantRegions(List.copyOf(merchants.keySet())).doOnNext(regions -> merchants.forEach((id, s) -> {
                long[] r = byRegion.computeIfAbsent(regions.getOrDefault(id, "未知"), k -> new long[4]);
                r[1] += s[0];
                r[2] += s[1];
            })).then();
        }
        Mono<Void> fairs = reads.participantRegions(members)
                .doOnNext(e -> byRegion.computeIfAbsent(e.getKey(), r -> new long[4])[3] += e.getValue()).then();
        return showcase.then(fairs).then(Mono.fromSupplier(() -> byRegion.entrySet().stream()
                .map(e -> new RegionView(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted(Comparator.comparing(RegionView::viewers).thenComparing(RegionView::orders)
                        .thenComparing(RegionView::enterprises).reversed()
                        .thenComparing(RegionView::region))
                .limit(REGIONS).toList()));
    }

    /** {@code <prefix><id>:orders} and {@code ...:gmv} fields of a day → id → {orders, gmv}. */
    private static Map<Long, long[]> perThing(Map<String, Long> day, String prefix) {
        Map<Long, long[]> out = new LinkedHashMap<>();
        day.forEach((field, value) -> {
            if (!field.startsWith(prefix)) {
                return;
            }
            String[] parts = field.substring(prefix.length()).split(":");
            if (parts.length != 2) {
                return;
            }
            try {
                long[] s = out.computeIfAbsent(Long.parseLong(parts[0]), k -> new long[2]);
                s[parts[1].equals("orders") ? 0 : 1] += value;
            } catch (NumberFormatException e) {
                // not ours
            }
        });
        return out;
    }

    static Mono<Map<String, Long>> sumOf(Flux<Map<String, Long>> parts) {
        return parts.reduce(new HashMap<String, Long>(), (sum, part) -> {
            part.forEach((k, v) -> sum.merge(k, v, Long::sum));
            return sum;
        }).map(m -> (Map<String, Long>) m);
    }

    static long get(Map<String, Long> values, Measure measure) {
        return values.getOrDefault(measure.field(), 0L);
    }
}
