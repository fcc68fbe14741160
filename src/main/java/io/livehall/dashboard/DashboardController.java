package io.livehall.dashboard;


import io.livehall.common.csv.CsvExport;
import io.livehall.dashboard.DashboardViews.History;
import io.livehall.dashboard.DashboardViews.Report;
import io.livehall.dashboard.DashboardViews.ScopeView;
import io.livehall.dashboard.DashboardViews.Snapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisers' dashboard over REST ({@code /api/dashboard/**}: ORGANISER or ADMIN, others 403; someone else's
 * series or fair 404; a merchant's user its own {@code merchant-<id>} only, see {@link ScopeAccess}): the scopes, a snapshot (what {@code /topic/dashboard/{scope}/overview} would send now), history
 * by minute, hour or day, its CSV, and the per-event report.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "数据看板 Dashboard", description = "主办方与管理员：实时看板、分钟级历史、CSV 导出、活动报告")
@SecurityRequirement(name = "bearer")
class DashboardController {

    private final ScopeAccess access;
    private final Snapshots snapshots;
    private final DashboardHistory history;

    DashboardController(ScopeAccess access, Snapshots snapshots, DashboardHistory history) {
        this.access = access;
        this.snapshots = snapshots;
        this.history = history;
    }

    @GetMapping("/scopes")
    @Operation(summary = "我可以查看的看板范围（直播展厅、我的培训、我的对接会等），正在进行的在前")
    Flux<ScopeView> scopes(@AuthenticationPrincipal Jwt jwt) {
        return Flux.defer(() -> access.scopes(Watcher.of(jwt)));
    }

    @GetMapping("/merchants")
    @Operation(summary = "可查看的展厅商家（主办方与管理员：全部商家），按名称筛选，正在直播的在前，最多 50 家")
    Flux<ScopeView> merchants(@RequestParam(required = false) String q, @AuthenticationPrincipal Jwt jwt) {
        return Flux.defer(() -> access.merchants(Watcher.of(jwt), q));
    }

    @GetMapping("/{scope}")
    @Operation(summary = "看板此刻的数据（与 /topic/dashboard/{scope}/overview 推送的相同）")
    Mono<Snapshot> snapshot(@PathVariable String scope, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> access.resolve(Watcher.of(jwt), scope)).flatMap(snapshots::of);
    }

    @GetMapping("/{scope}/history")
    @Operation(summary = "历史数据：按分钟（≤2 天）、小时（≤31 天）或天（≤366 天）汇总，日期按北京时间")
    Mono<History> history(@PathVariable String scope, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) String by,
                          @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> access.resolve(Watcher.of(jwt), scope))
                .flatMap(resolved -> history.history(resolved, history.range(from, to, by)));
    }

    @GetMapping("/{scope}/history.csv")
    @Operation(summary = "导出历史数据（CSV，Excel 可直接打开）")
    Mono<ResponseEntity<Flux<String>>> historyCsv(@PathVariable String scope, @RequestParam(required = false) String from,
                                                  @RequestParam(required = false) String to,
                                                  @RequestParam(required = false) String by, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> access.resolve(Watcher.of(jwt), scope)).flatMap(resolved -> {
            DashboardHistory.Range range = history.range(from, to, by);
            return history.history(resolved, range).map(h -> CsvExport.response(DashboardHistory.csvName(resolved, range),
                    DashboardHistory.CSV_HEADER, Flux.fromIterable(h.rows()).map(DashboardHistory::csvRow)));
        });
    }

    @GetMapping("/{scope}/report")
    @Operation(summary = "活动报告：峰值、独立观众、观看时长、订单、成交额、转化率、对接会与签约")
    Mono<Report> report(@PathVariable String scope, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> access.resolve(Watcher.of(jwt), scope)).flatMap(history::report);
    }

}
