package io.livehall.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.dashboard.DashboardViews.History;
import io.livehall.dashboard.DashboardViews.HistoryRow;
import io.livehall.dashboard.DashboardViews.ProductView;
import io.livehall.dashboard.DashboardViews.Report;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A scope's history from {@code dashboard_minute} (closed minutes; the current one or two are still in Redis), by
 * minute, hour or day of the Asia/Shanghai calendar, its CSV, and the per-event report.
 */
@Component
class DashboardHistory {

    static final List<String> CSV_HEADER = List.of("时间", "峰值在线", "独立观众", "订单数", "成交额(元)", "报名", "签到",
            "对接会预约", "对接会举行", "意向", "签约", "签约金额(元)");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Tally.SHANGHAI);

    /** A validated query: [from, to) in UTC, and the bucket. */
    record Range(LocalDate fromDay, LocalDate toDay, Instant from, Instant to, MinuteRepository.By by) {
    }

    private final MinuteRepository minutes;
    private final DashboardReads reads;
    private final Snapshots snapshots;
    private final EventFigures events;
    private final Clock clock;

    DashboardHistory(MinuteRepository minutes, DashboardReads reads, Snapshots snapshots, EventFigures events, Clock clock) {
        this.minutes = minutes;
        this.reads = reads;
        this.snapshots = snapshots;
        this.events = events;
        this.clock = clock;
    }

    /**
     * {@code from}/{@code to}: Asia/Shanghai dates, both included (default: today); {@code by}: minute (≤ 2 days),
     * hour (≤ 31 days, the default) or day (≤ 366 days); 400 with the field otherwise.
     */
    Range range(String from, String to, String by) {
        LocalDate today = Tally.day(clock.instant());
        LocalDate f = date("from", from, today);
        LocalDate t = date("to", to, f);
        if (t.isBefore(f)) {
            throw invalid("to", "结束日期不能早于开始日期");
        }
        MinuteRepository.By width;
        try {
            width = by == null || by.isBlank() ? MinuteRepository.By.HOUR : MinuteRepository.By.valueOf(by.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw invalid("by", "by 只能是 minute、hour 或 day");
        }
        long days = ChronoUnit.DAYS.between(f, t) + 1;
        long max = switch (width) {
            case MINUTE -> 2;
            case HOUR -> 31;
            case DAY -> 366;
        };
        if (days > max) {
            throw invalid("to", "按" + switch (width) {
                case MINUTE -> "分钟";
                case HOUR -> "小时";
                case DAY -> "天";
            } + "查询最多 " + max + " 天");
        }
        return new Range(f, t, f.atStartOfDay(Tally.SHANGHAI).toInstant(), t.plusDays(1).atStartOfDay(Tally.SHANGHAI).toInstant(), width);
    }

    Mono<History> history(ScopeAccess.Resolved scope, Range range) {
        return minutes.history(scope.members().tallyScopes(), range.from(), range.to(), range.by()).collectList()
                .map(rows -> new History(scope.scope().name(), range.by().name().toLowerCase(), rows));
    }

    static List<String> csvRow(HistoryRow r) {
        return List.of(CSV_TIME.format(r.at()), Long.toString(r.viewersPeak()), Long.toString(r.uniqueViewers()),
                Long.toString(r.orders()), yuan(r.gmvFen()), Long.toString(r.registrations()), Long.toString(r.checkIns()),
                Long.toString(r.meetingsBooked()), Long.toString(r.meetingsHeld()), Long.toString(r.intentions()),
                Long.toString(r.signedDeals()), yuan(r.signedAmountFen()));
    }

    static String csvName(ScopeAccess.Resolved scope, Range range) {
        return "看板-" + scope.scope().name() + "-" + range.fromDay() + "-" + range.toDay() + ".csv";
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /**
     * The per-event report: viewers (largest samples), orders and GMV over the whole span of the scope's rollups (the
     * event's first to last minute with data; to now while it runs), buyers and top products from the showcase's orders
     * of that span, conversion = buyers ÷ unique viewers (null without viewers), the running totals of registrations,
     * meetings, intentions and deals, and the top sessions of the rooms live or recent now.
     */
    Mono<Report> report(ScopeAccess.Resolved scope) {
        List<String> tallies = scope.members().tallyScopes();
        Instant now = clock.instant();
        Instant nextMinute = Instant.ofEpochSecond((Tally.minuteOf(now) + 1) * 60);
        return minutes.span(tallies).defaultIfEmpty(new Instant[] {now.truncatedTo(ChronoUnit.MINUTES), now.truncatedTo(ChronoUnit.MINUTES)})
                .flatMap(span -> {
                    Instant from = span[0];
                    Instant to = nextMinute.isAfter(span[1].plusSeconds(60)) ? nextMinute : span[1].plusSeconds(60);
                    boolean sells = scope.members().sells();
                    long merchant = scope.members().merchantOnly();
                    Mono<long[]> peaks = minutes.peaks(tallies, from, to).defaultIfEmpty(new long[4]);
                    Mono<long[]> sales = minutes.history(tallies, from, to, MinuteRepository.By.DAY)
                            .reduce(new long[2], (s, r) -> {
                                s[0] += r.orders();
                                s[1] += r.gmvFen();
                                return s;
                            });
                    Mono<Long> buyers = sells ? reads.buyers(from, to, merchant) : Mono.just(0L);
                    Mono<List<ProductView>> top = sells ? reads.topProducts(from, to, merchant, Snapshots.TOP)
                            .map(p -> new ProductView(p.productId(), p.name(), p.merchant(), p.orders(), p.gmvFen())).collectList()
                            : Mono.just(List.of());
                    Mono<Map<String, Long>> totals = events.of(scope.members());
                    Mono<List<DashboardViews.SessionView>> sessions = snapshots.audiences(scope.members(), now).collectList()
                            .map(Snapshots::topSessions);
                    return Mono.zip(peaks, sales, buyers, top, totals, sessions).map(t -> {
                        long[] p = t.getT1();
                        long[] s = t.getT2();
                        Map<String, Long> f = t.getT5();
                        Double conversion = p[2] == 0 ? null : (double) t.getT3() / p[2];
                        return new Report(scope.scope().name(), scope.title(), from, to, p[0],
                                p[0] == 0 ? null : Instant.ofEpochSecond(p[1]), p[2], p[3], s[0], t.getT3(), s[1], conversion,
                                Snapshots.get(f, Measure.REGISTRATIONS), Snapshots.get(f, Measure.CHECK_INS),
                                Snapshots.get(f, Measure.MEETINGS_BOOKED), Snapshots.get(f, Measure.MEETINGS_HELD),
                                f.getOrDefault(EventFigures.NO_SHOWS, 0L), Snapshots.get(f, Measure.INTENTIONS),
                                Snapshots.get(f, Measure.SIGNED_DEALS), Snapshots.get(f, Measure.SIGNED_AMOUNT_FEN),
                                t.getT4(), t.getT6());
                    });
                });
    }

    private static LocalDate date(String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "日期格式应为 2026-12-07");
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-history-range", message, List.of(new FieldProblem(field, message)));
    }
}
