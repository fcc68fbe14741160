package io.livehall.fair.pipeline;

import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairStaff;
import io.livehall.fair.pipeline.PipelineViews.MyPairs;
import io.livehall.fair.pipeline.PipelineViews.PairDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The deal pipeline as the two sides of a pair see it (and the fair's organisers, who may open and move any pair of
 * their fair here too). Needs a login ({@code /api/**}); someone else's pair answers 404.
 */
@RestController
@RequestMapping("/api/fairs/{fairId}/pipeline")
@Tag(name = "对接跟踪 Fair pipeline", description = "我的对接：已匹配 → 已联系 → 已洽谈 → 达成意向 → 已签约（或放弃）")
@SecurityRequirement(name = "bearer")
class PipelineController {

    private final PipelineService service;

    PipelineController(PipelineService service) {
        this.service = service;
    }

    @GetMapping("/pairs")
    @Operation(summary = "我的企业在本场对接会的对接记录（新的在前，keyset 分页）；企业通过审核后可用")
    Mono<MyPairs> mine(@PathVariable long fairId, @RequestParam(required = false) String after,
                       @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.mine(FairStaff.of(jwt), fairId, PageRequest.of(after, limit)));
    }

    @GetMapping("/pairs/{pairId}")
    @Operation(summary = "一条对接记录及其变更历史（双方企业与主办方可见）")
    Mono<PairDetail> detail(@PathVariable long fairId, @PathVariable long pairId, @AuthenticationPrincipal Jwt jwt) {
        return service.detail(FairStaff.of(jwt), fairId, pairId);
    }

    @PutMapping("/pairs/{pairId}")
    @Operation(summary = "推进或修改对接：可向前跨阶段；退回、放弃或重新跟进须填原因；意向须填意向金额，签约须填签约金额与日期；"
            + "version 过期时 409")
    Mono<PairDetail> update(@PathVariable long fairId, @PathVariable long pairId, @Valid @RequestBody PairUpdate change,
                            @AuthenticationPrincipal Jwt jwt) {
        return service.update(FairStaff.of(jwt), fairId, pairId, change);
    }
}
