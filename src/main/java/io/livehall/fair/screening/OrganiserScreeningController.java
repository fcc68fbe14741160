package io.livehall.fair.screening;

import java.util.List;

import io.livehall.common.csv.CsvExport;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairStaff;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.screening.FairViews.Counts;
import io.livehall.fair.screening.FairViews.Row;
import io.livehall.fair.screening.FairViews.RowDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organisers' screening queue, decisions and the participants' CSV; ORGANISER or ADMIN (SecurityConfig). */
@RestController
@RequestMapping("/api/organiser")
@Tag(name = "对接会审核 Fair screening", description = "主办方：报名审核队列、通过、不通过、要求补充资料、导出参会企业")
@SecurityRequirement(name = "bearer")
class OrganiserScreeningController {

    static final List<String> CSV_HEADER = List.of("报名编号", "企业名称", "统一社会信用代码", "地区", "行业", "规模", "参会身份",
            "状态", "可提供", "需求", "金额下限（元）", "金额上限（元）", "资质认证", "联系人", "联系电话", "受邀", "原因",
            "报名时间", "更新时间");

    private final Screening screening;

    OrganiserScreeningController(Screening screening) {
        this.screening = screening;
    }

    @GetMapping("/fairs/{id}/participants")
    @Operation(summary = "报名审核队列（按状态、身份、企业名称筛选；先报先列，keyset 分页；联系电话完整）")
    Mono<Page<Row>> queue(@PathVariable long id, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String role, @RequestParam(required = false) String q,
                          @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                          @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> screening.queue(FairStaff.of(jwt), id,
                Params.choice("status", status, ParticipantStatus.class,
                        "status 只能是 PENDING、NEEDS_INFO、APPROVED、REJECTED 或 WITHDRAWN"),
                Params.choice("role", role, ParticipantRole.class, "role 只能是 SUPPLIER、BUYER、BOTH、PROJECT 或 INVESTOR"),
                Params.text("q", q, 50), PageRequest.of(after, limit)));
    }

    @GetMapping("/fairs/{id}/screening")
    @Operation(summary = "各审核状态的企业数与名额")
    Mono<Counts> counts(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return screening.counts(FairStaff.of(jwt), id);
    }

    @GetMapping(value = "/fairs/{id}/participants.csv", produces = "text/csv")
    @Operation(summary = "导出全部报名企业 CSV（UTF-8 BOM，北京时间，含完整联系电话）")
    Mono<ResponseEntity<Flux<String>>> export(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        FairStaff who = FairStaff.of(jwt);
        // the fair is checked before the download starts, so a stranger gets a 404 problem, not an empty file
        return screening.counts(who, id).map(c -> CsvExport.response("fair-" + id + "-participants.csv", CSV_HEADER,
                screening.export(who, id).map(OrganiserScreeningController::csv)));
    }

    @GetMapping("/fair-participants/{participantId}")
    @Operation(summary = "一家报名企业的问卷与审核记录")
    Mono<RowDetail> participant(@PathVariable long participantId, @AuthenticationPrincipal Jwt jwt) {
        return screening.participant(FairStaff.of(jwt), participantId);
    }

    @PostMapping("/fair-participants/{participantId}/approve")
    @Operation(summary = "通过（名额已满时 409）；企业会收到通知")
    Mono<RowDetail> approve(@PathVariable long participantId, @AuthenticationPrincipal Jwt jwt) {
        return screening.approve(FairStaff.of(jwt), participantId);
    }

    @PostMapping("/fair-participants/{participantId}/reject")
    @Operation(summary = "不通过，并说明原因（企业可见）")
    Mono<RowDetail> reject(@PathVariable long participantId, @Valid @RequestBody ReasonRequest request,
                           @AuthenticationPrincipal Jwt jwt) {
        return screening.reject(FairStaff.of(jwt), participantId, request.reason());
    }

    @PostMapping("/fair-participants/{participantId}/needs-info")
    @Operation(summary = "要求补充资料，并说明需要什么（企业补充后回到待审核）")
    Mono<RowDetail> needsInfo(@PathVariable long participantId, @Valid @RequestBody ReasonRequest request,
                              @AuthenticationPrincipal Jwt jwt) {
        return screening.needsInfo(FairStaff.of(jwt), participantId, request.reason());
    }

    static List<String> csv(Row r) {
        return List.of(Long.toString(r.id()), r.enterpriseName(), r.creditCode(), r.region(), r.industry(),
                size(r.size()), role(r.role()), Registrations.label(r.status()), r.offers(), r.needs(),
                yuan(r.amountMinFen()), yuan(r.amountMaxFen()), String.join("；", r.certifications()),
                CsvExport.text(r.contactName()), CsvExport.text(r.contactPhone()), r.invited() ? "是" : "否",
                CsvExport.text(r.reason()), CsvExport.time(r.createdAt()), CsvExport.time(r.updatedAt()));
    }

    static String role(ParticipantRole role) {
        return switch (role) {
            case SUPPLIER -> "供应商";
            case BUYER -> "采购商";
            case BOTH -> "供采兼有";
            case PROJECT -> "项目方";
            case INVESTOR -> "投资方";
        };
    }

    static String size(io.livehall.identity.EnterpriseSize size) {
        return switch (size) {
            case MICRO -> "微型";
            case SMALL -> "小型";
            case MEDIUM -> "中型";
            case LARGE -> "大型";
        };
    }

    static String yuan(Long fen) {
        return fen == null ? "" : java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
