package io.livehall.fair.matching;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairStaff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The organisers' matching of a fair; {@code /api/organiser/**} needs ORGANISER or ADMIN (SecurityConfig). */
@RestController
@RequestMapping("/api/organiser/fairs/{fairId}/matches")
@Tag(name = "对接会匹配管理 Organiser fair matching", description = "主办方：匹配概况、已匹配企业对、尚未匹配的企业、人工匹配、重新计算")
@SecurityRequirement(name = "bearer")
class OrganiserMatchController {

    private final MatchService service;

    OrganiserMatchController(MatchService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "匹配概况：已通过企业数、已匹配企业对（其中人工）、尚未匹配的企业数、上次全量计算")
    Mono<MatchViews.Summary> summary(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.summary(FairStaff.of(jwt), fairId));
    }

    @GetMapping("/pairs")
    @Operation(summary = "已匹配的企业对（自动或人工，先匹配先列，keyset 分页）")
    Mono<Page<MatchViews.Pair>> pairs(@PathVariable long fairId, @RequestParam(required = false) String after,
                                      @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.pairs(FairStaff.of(jwt), fairId, PageRequest.of(after, limit)));
    }

    @GetMapping("/unmatched")
    @Operation(summary = "已通过审核但尚无任何匹配的企业（keyset 分页）")
    Mono<Page<MatchViews.Party>> unmatched(@PathVariable long fairId, @RequestParam(required = false) String after,
                                           @RequestParam(required = false) Integer limit,
                                           @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.unmatched(FairStaff.of(jwt), fairId, PageRequest.of(after, limit)));
    }

    @GetMapping("/participants")
    @Operation(summary = "按企业名称查找本场已通过审核的企业（最多 20 家），用于人工匹配")
    Mono<java.util.List<MatchViews.Party>> participants(@PathVariable long fairId, @RequestParam(required = false) String q,
                                                        @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.pick(FairStaff.of(jwt), fairId, q));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "人工匹配两家已通过审核的企业，并写明推荐理由（双方可见）")
    Mono<MatchViews.Pair> manual(@PathVariable long fairId, @Valid @RequestBody ManualMatchRequest request,
                                 @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.manual(FairStaff.of(jwt), fairId, request));
    }

    @PostMapping("/recompute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "重新全量计算本场匹配（排队后台执行；已在排队时不重复）")
    Mono<MatchViews.Queued> recompute(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.recompute(FairStaff.of(jwt), fairId));
    }
}
