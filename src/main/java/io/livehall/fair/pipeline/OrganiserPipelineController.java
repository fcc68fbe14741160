package io.livehall.fair.pipeline;

import java.util.ArrayList;
import java.util.List;

import io.livehall.common.csv.CsvExport;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairStaff;
import io.livehall.fair.PairStage;
import io.livehall.fair.pipeline.PipelineViews.FairKpi;
import io.livehall.fair.pipeline.PipelineViews.KpiTable;
import io.livehall.fair.pipeline.PipelineViews.PairView;
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

/** The organisers' pipeline and KPIs ({@code /api/organiser/**}: ORGANISER or ADMIN; others' fairs answer 404). */
@RestController
@RequestMapping("/api/organiser/fairs")
@Tag(name = "对接会成效 Fair KPIs", description = "主办方：全部对接记录、按阶段筛选、成效指标（单场与跨场）、CSV 导出")
@SecurityRequirement(name = "bearer")
class OrganiserPipelineController {

    private static final List<String> PAIR_HEADER = List.of("对接ID", "企业A", "角色A", "企业B", "角色B", "阶段",
            "意向金额(元)", "意向日期", "签约金额(元)", "签约日期", "放弃原因", "最新备注", "更新时间");

    private final PipelineService service;
    private final FairKpis kpis;

    OrganiserPipelineController(PipelineService service, FairKpis kpis) {
        this.service = service;
        this.kpis = kpis;
    }

    @GetMapping("/{fairId}/pipeline/pairs")
    @Operation(summary = "本场全部对接记录，可按阶段筛选（新的在前，keyset 分页）")
    Mono<Page<PairView>> pairs(@PathVariable long fairId, @RequestParam(required = false) String stage,
                               @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                               @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.ofFair(FairStaff.of(jwt), fairId, stage(stage), PageRequest.of(after, limit)));
    }

    @GetMapping("/{fairId}/pipeline/pairs.csv")
    @Operation(summary = "导出本场全部对接记录（CSV，Excel 可直接打开）")
    Mono<ResponseEntity<Flux<String>>> pairsCsv(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        FairStaff who = FairStaff.of(jwt);
        // checked first, so another organiser's fair answers 404 rather than an empty file
        return kpis.of(who, fairId).map(kpi -> CsvExport.response("对接记录-" + fairId + ".csv", PAIR_HEADER,
                service.allOfFair(who, fairId).map(p -> List.of(Long.toString(p.id()), p.low().name(),
                        PipelineCsv.role(p.low().role()), p.high().name(), PipelineCsv.role(p.high().role()),
                        PipelineLabels.stage(p.stage()), PipelineCsv.yuan(p.intendedAmountFen()),
                        CsvExport.text(p.intendedOn()), PipelineCsv.yuan(p.signedAmountFen()),
                        CsvExport.text(p.signedOn()), CsvExport.text(p.dropReason()), p.note(),
                        CsvExport.time(p.updatedAt())))));
    }

    @GetMapping("/{fairId}/kpi")
    @Operation(summary = "本场成效指标：报名、通过、供需、匹配、洽谈、爽约、意向、签约及金额，各阶段对接数；实时更新见 /topic/fair/{fairId}/kpi")
    Mono<FairKpi> kpi(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        return kpis.of(FairStaff.of(jwt), fairId);
    }

    @GetMapping("/kpi")
    @Operation(summary = "我主办的全部对接会的成效指标与合计")
    Mono<KpiTable> across(@AuthenticationPrincipal Jwt jwt) {
        return kpis.across(FairStaff.of(jwt));
    }

    @GetMapping("/kpi.csv")
    @Operation(summary = "导出我主办的全部对接会的成效指标（CSV，末行为合计）")
    Mono<ResponseEntity<Flux<String>>> acrossCsv(@AuthenticationPrincipal Jwt jwt) {
        return kpis.across(FairStaff.of(jwt)).map(table -> {
            List<String> header = new ArrayList<>(List.of("对接会ID", "对接会", "开始时间"));
            for (FairFigure f : FairFigure.values()) {
                header.add(PipelineLabels.figure(f));
            }
            List<List<String>> rows = new ArrayList<>();
            for (FairKpi kpi : table.fairs()) {
                List<String> row = new ArrayList<>(List.of(Long.toString(kpi.fairId()), kpi.title(),
                        CsvExport.time(kpi.startsAt())));
                row.addAll(PipelineCsv.figures(kpi.figures()));
                rows.add(row);
            }
            List<String> total = new ArrayList<>(List.of("", "合计", ""));
            total.addAll(PipelineCsv.figures(table.total()));
            rows.add(total);
            return CsvExport.response("对接会成效.csv", header, Flux.fromIterable(rows));
        });
    }

    private static PairStage stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return PairStage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("bad-stage", "阶段须为 MATCHED、CONTACTED、MET、INTENTION、SIGNED 或 DROPPED");
        }
    }
}
