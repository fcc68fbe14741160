package io.livehall.common.tally;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisers' dashboard's counters, kept in Redis so live figures cost no PostgreSQL scans: the domains call
 * {@link #add} after a change committed (an order placed, a registration confirmed, a meeting held...) with the scope it
 * belongs to ({@link #SHOWCASE}, {@link #training}, {@link #fair}); every amount is added to that scope and to
 * {@link #PLATFORM}, and to a part of the scope if the caller names one (a showcase merchant, {@link #merchant}), which
 * the platform does not count again. Per scope, under its hash tag ({@code livehall:tally:{<scope>}:...}):
 * {@code m:<epoch minute>} (a hash per minute, measure → amount), {@code d:<yyyyMMdd>} (a hash per Asia/Shanghai day:
 * the day's totals plus the callers' day-only fields, e.g. per product or region) and {@code pending} (the minutes with
 * data, for the rollup into PostgreSQL, which removes them once written). Everything expires {@link #KEEP} after its
 * last change. Best effort: a failure is logged and counted ({@code livehall.tally.failures}), never passed to the
 * caller.
 */
@Component
public class Tally {

    public static final String SHOWCASE = "showcase";
    public static final String PLATFORM = "platform";
    /** day-only fields of a sale: {@code product:<id>:orders}, {@code product:<id>:gmv}, the same per merchant */
    public static final String PRODUCT = "product:";
    public static final String MERCHANT = "merchant:";
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** how long counters stay in Redis after their last change (the rollup has written them long before) */
    public static final Duration KEEP = Duration.ofDays(3);
    static final String SCOPES = RedisKeys.global("tally", "scopes");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final RedisScript<Long> ADD = RedisScripts.load("tally-add", Long.class);
    private static final RedisScript<Long> MAX = RedisScripts.load("tally-max", Long.class);
    private static final Log log = LogFactory.getLog(Tally.class);

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;
    private final MeterRegistry meters;

    Tally(ReactiveStringRedisTemplate redis, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.clock = clock;
        this.meters = meters;
    }

    /** The scope of a training series. */
    public static String training(long seriesId) {
        return "training-" + seriesId;
    }

    /** The scope of a showcase merchant: a part of {@link #SHOWCASE} (its orders, GMV, deals, live rooms' viewers). */
    public static String merchant(long merchantId) {
        return "merchant-" + merchantId;
    }

    /** The scope of a fair. */
    public static String fair(long fairId) {
        return "fair-" + fairId;
    }

    /** The day-only fields of one sale (for the dashboard's top products and regions). */
    public static Map<String, Long> sale(long productId, long merchantId, long totalFen) {
        return Map.of(PRODUCT + productId + ":orders", 1L, PRODUCT + productId + ":gmv", totalFen,
                MERCHANT + merchantId + ":orders", 1L, MERCHANT + merchantId + ":gmv", totalFen);
    }

    /** The epoch minute of an instant (minutes since 1970-01-01T00:00Z). */
    public static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    /** Adds amounts to a scope (and the platform) now; never fails. */
    public Mono<Void> add(String scope, Map<Measure, Long> amounts) {
        return add(scope, amounts, Map.of());
    }

    /**
     * Adds amounts to a scope's current minute and day (and the platform's), and {@code dayOnly} fields (e.g.
     * {@code product:12:orders}) to the day only; never fails.
     */
    public Mono<Void> add(String scope, Map<Measure, Long> amounts, Map<String, Long> dayOnly) {
        return add(scope, scope, amounts, dayOnly);
    }

    /**
     * As {@link #add(String, Map, Map)}, and the same amounts and day-only fields to {@code part}, a part of the scope
     * (a merchant of the showcase) that the platform does not count twice; never fails.
     */
    public Mono<Void> add(String scope, String part, Map<Measure, Long> amounts, Map<String, Long> dayOnly) {
        Instant now = clock.instant();
        return Flux.just(scope, PLATFORM, part).distinct()
                .concatMap(s -> addTo(s, now, amounts, dayOnly))
                .then()
                .timeout(TIMEOUT)
                .onErrorResume(e -> {
                    meters.counter("livehall.tally.failures").increment();
                    log.warn("Tallying " + scope + " failed: " + e);
                    return Mono.empty();
                });
    }

    private Mono<Void> addTo(String scope, Instant now, Map<Measure, Long> amounts, Map<String, Long> dayOnly) {
        long minute = minuteOf(now);
        List<String> args = new ArrayList<>(List.of(Long.toString(KEEP.toMillis()), Long.toString(minute),
                Integer.toString(amounts.size())));
        amounts.forEach((m, v) -> {
            args.add(m.field());
            args.add(Long.toString(v));
        });
        dayOnly.forEach((f, v) -> {
            args.add(f);
            args.add(Long.toString(v));
        });
        return redis.execute(ADD, List.of(minuteKey(scope, minute), dayKey(scope, day(now)), pendingKey(scope)), args)
                .then(redis.opsForSet().add(SCOPES, scope))
                .then();
    }

    /** Raises a scope's figures of a minute to at least these values (samples of presence); errors are the caller's. */
    public Mono<Void> raise(String scope, long minute, Map<Measure, Long> values) {
        List<String> args = new ArrayList<>(List.of(Long.toString(KEEP.toMillis()), Long.toString(minute)));
        values.forEach((m, v) -> {
            args.add(m.field());
            args.add(Long.toString(v));
        });
        return redis.execute(MAX, List.of(minuteKey(scope, minute), pendingKey(scope)), args)
                .then(redis.opsForSet().add(SCOPES, scope))
                .then();
    }

    /** A scope's figures of one minute (measure field → amount; empty when nothing was counted). */
    public Mono<Map<String, Long>> minute(String scope, long minute) {
        return redis.<String, String>opsForHash().entries(minuteKey(scope, minute))
                .collectMap(Map.Entry::getKey, e -> parse(e.getValue()), LinkedHashMap::new);
    }

    /** A scope's fields of one Asia/Shanghai day: the day's totals by measure field, plus the callers' day-only fields. */
    public Mono<Map<String, Long>> day(String scope, LocalDate day) {
        return redis.<String, String>opsForHash().entries(dayKey(scope, day))
                .collectMap(Map.Entry::getKey, e -> parse(e.getValue()), LinkedHashMap::new);
    }

    /** Every scope ever tallied (while Redis keeps it). */
    public Flux<String> scopes() {
        return redis.opsForSet().members(SCOPES);
    }

    /** The minutes of a scope not yet rolled up, up to {@code last} (epoch minutes, oldest first). */
    public Flux<Long> pending(String scope, long last) {
        return redis.opsForZSet().rangeByScore(pendingKey(scope), Range.closed(0.0, (double) last)).map(Long::parseLong);
    }

    /** The minute is written to PostgreSQL: it leaves the pending index (its hash stays until it expires). */
    public Mono<Void> rolledUp(String scope, long minute) {
        return redis.opsForZSet().remove(pendingKey(scope), Long.toString(minute)).then();
    }

    /** The Asia/Shanghai calendar day of an instant. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, SHANGHAI);
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String minuteKey(String scope, long minute) {
        return RedisKeys.of("tally", scope, "m:" + minute);
    }

    private static String dayKey(String scope, LocalDate day) {
        return RedisKeys.of("tally", scope, "d:" + DAY.format(day));
    }

    private static String pendingKey(String scope) {
        return RedisKeys.of("tally", scope, "pending");
    }
}
