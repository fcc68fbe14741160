package io.livehall.fair.matching;

import io.livehall.common.error.ApiProblem;
import io.livehall.fair.FairStaff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A participant's matches at a fair. */
@RestController
@RequestMapping("/api/fairs/{fairId}/matches")
@Tag(name = "对接会智能匹配 Fair matching", description = "参会企业：我的供需信息的匹配结果（得分与依据）")
@SecurityRequirement(name = "bearer")
class MatchController {

    private final MatchService service;

    MatchController(MatchService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "我的匹配：本企业各条供需信息的对方信息，按得分排序，附得分构成；可按我的一条信息筛选；keyset 分页；首页另附主办方推荐")
    @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = MatchViews.MyMatches.class)))
    Mono<ResponseEntity<byte[]>> mine(@PathVariable long fairId, @RequestParam(required = false) Long listingId,
                                    @RequestParam(required = false) String after,
                                    @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        if (jwt == null) {
            return Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录"));
        }
        return Mono.defer(() -> service.mine(fairId, FairStaff.of(jwt), listingId, after, limit))
                .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body));
    }
}
