package io.livehall.fair.listing;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.fair.FairStaff;
import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.listing.ListingViews.IndustryNode;
import io.livehall.fair.listing.ListingViews.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Supply/demand listings: my enterprise's ({@code /api/me/listings}, any member of the enterprise), a fair's (its
 * organisers and approved participants), and the industry categories to file them under. All need a token.
 */
@RestController
@Tag(name = "对接会供需 Fair listings", description = "企业供需信息的发布、修改、撤回；对接会供需检索；行业分类")
@SecurityRequirement(name = "bearer")
class ListingController {

    private final ListingService service;
    private final ListingQueries queries;
    private final IndustryTaxonomy taxonomy;

    ListingController(ListingService service, ListingQueries queries, IndustryTaxonomy taxonomy) {
        this.service = service;
        this.queries = queries;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/api/fair-industries")
    @Operation(summary = "行业分类（门类 → 大类 → 中类，GB/T 4754-2017 节选）；供需信息可选大类或中类")
    List<IndustryNode> industries() {
        return queries.industries();
    }

    @GetMapping("/api/me/listings")
    @Operation(summary = "我的企业的供需信息（含已撤回、已过期；最新在前，keyset 分页）")
    Mono<Page<Listing>> mine(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                             @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> queries.mine(userOf(jwt), after, limit));
    }

    @PostMapping("/api/me/listings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布供需信息（供给或需求：标题、描述、行业分类、关键词 ≤10、地区、数量、金额区间（分）、有效期、附件）")
    Mono<Listing> create(@Valid @RequestBody ListingRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.create(userOf(jwt), request);
    }

    @GetMapping("/api/me/listings/{id}")
    @Operation(summary = "我的企业的一条供需信息（其他企业的：404）")
    Mono<Listing> one(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return queries.mine(userOf(jwt), id);
    }

    @PutMapping("/api/me/listings/{id}")
    @Operation(summary = "修改供需信息（已撤回的不能修改：409）")
    Mono<Listing> edit(@PathVariable long id, @Valid @RequestBody ListingRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.edit(userOf(jwt), id, request);
    }

    @PostMapping("/api/me/listings/{id}/withdraw")
    @Operation(summary = "撤回供需信息（不再参与对接会与匹配；重复撤回：409）")
    Mono<Listing> withdraw(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.withdraw(userOf(jwt), id);
    }

    @GetMapping("/api/me/listings/{id}/files/{fileId}")
    @Operation(summary = "下载我的企业供需信息的附件")
    Mono<ResponseEntity<byte[]>> ownFile(@PathVariable long id, @PathVariable long fileId, @AuthenticationPrincipal Jwt jwt) {
        return queries.ownFile(userOf(jwt), id, fileId);
    }

    @GetMapping("/api/fairs/{fairId}/listings")
    @Operation(summary = "对接会的供需信息（本场已通过审核企业的、有效的；主办方与已通过审核的参会企业可见）："
            + "q 搜索标题/描述/关键词，side、category（含下级）、region、amountMin/amountMax（分，区间相交）筛选；keyset 分页")
    Mono<Page<Listing>> ofFair(@PathVariable long fairId, @RequestParam(required = false) String q,
                               @RequestParam(required = false) String side, @RequestParam(required = false) String category,
                               @RequestParam(required = false) String region, @RequestParam(required = false) Long amountMin,
                               @RequestParam(required = false) Long amountMax, @RequestParam(required = false) String after,
                               @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> queries.ofFair(staffOf(jwt), fairId,
                ListingFilter.of(q, side, category, region, amountMin, amountMax, after, taxonomy), limit));
    }

    @GetMapping("/api/fairs/{fairId}/listings/{id}/files/{fileId}")
    @Operation(summary = "下载对接会中一条供需信息的附件（可见该场供需信息的人）")
    Mono<ResponseEntity<byte[]>> fairFile(@PathVariable long fairId, @PathVariable long id, @PathVariable long fileId,
                                          @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> queries.fairFile(staffOf(jwt), fairId, id, fileId));
    }

    private static long userOf(Jwt jwt) {
        return staffOf(jwt).userId();
    }

    /** The caller; 401 without a token (should a public rule ever let these paths pass without one). */
    private static FairStaff staffOf(Jwt jwt) {
        if (jwt == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        return FairStaff.of(jwt);
    }
}
