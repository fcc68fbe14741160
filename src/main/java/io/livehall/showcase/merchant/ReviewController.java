package io.livehall.showcase.merchant;

import io.livehall.common.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Organisers review applications (the {@code /api/organiser/**} tree is ORGANISER or ADMIN only). */
@RestController
@RequestMapping("/api/organiser")
@Tag(name = "入驻审核", description = "组织方审核入驻申请：通过 / 驳回 / 要求补充材料")
@SecurityRequirement(name = "bearer")
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/rounds/{roundId}/applications")
    @Operation(summary = "批次的入驻申请（按提交顺序，可按状态筛选，keyset 分页），附批次名额数据")
    Mono<ReviewPage> list(@PathVariable long roundId,
                          @RequestParam(required = false) ApplicationStatus status,
                          @RequestParam(required = false) String after,
                          @RequestParam(required = false) Integer limit) {
        return reviews.page(roundId, status, PageRequest.of(after, limit));
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "一份入驻申请的详情（企业信息、资质文件、状态历史）")
    Mono<ApplicationView> one(@PathVariable long id) {
        return reviews.find(id);
    }

    @PostMapping("/applications/{id}/decision")
    @Operation(summary = "审核决定：APPROVE 通过（名额已满时 409）/ REJECT 驳回 / REQUEST_CHANGES 要求补充（后两者须填原因）")
    Mono<ApplicationView> decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
                                 @AuthenticationPrincipal Jwt jwt) {
        return reviews.decide(Long.parseLong(jwt.getSubject()), id, request);
    }
}
