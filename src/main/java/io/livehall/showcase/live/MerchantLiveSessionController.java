package io.livehall.showcase.live;

import java.util.List;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.showcase.catalogue.LineupProduct;
import io.livehall.showcase.live.LiveSessionViews.Card;
import io.livehall.showcase.live.LiveSessionViews.Detail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The merchant console's live sessions; {@code /api/merchant/**} needs role MERCHANT (see SecurityConfig). */
@RestController
@RequestMapping("/api/merchant/live-sessions")
@Tag(name = "商家直播 Merchant live", description = "商家：排期、修改、取消、开播、下播、置顶讲解商品")
@SecurityRequirement(name = "bearer")
class MerchantLiveSessionController {

    private final LiveSessionService service;

    MerchantLiveSessionController(LiveSessionService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "本店的直播场次（新建在前，keyset 分页）")
    Mono<Page<Card>> list(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                          @AuthenticationPrincipal Jwt jwt) {
        return service.mine(user(jwt), PageRequest.of(after, limit));
    }

    @GetMapping("/products")
    @Operation(summary = "可加入直播的商品（本店在售商品，最多 200 件）")
    Mono<List<LineupProduct>> products(@AuthenticationPrincipal Jwt jwt) {
        return service.lineupOptions(user(jwt));
    }

    @GetMapping("/{id}")
    @Operation(summary = "本店的一场直播（含商品、置顶商品、观看数据）")
    Mono<Detail> one(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.one(user(jwt), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "排期一场直播（标题、封面、开播时间、直播流地址、商品列表）")
    Mono<Detail> schedule(@Valid @RequestBody ScheduleRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.schedule(user(jwt), request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改未开播的直播")
    Mono<Detail> edit(@PathVariable long id, @Valid @RequestBody ScheduleRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.edit(user(jwt), id, request);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "取消未开播的直播")
    Mono<Detail> cancel(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.cancel(user(jwt), id);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "开播：通知所有预约提醒的观众")
    Mono<Detail> start(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.goLive(user(jwt), id);
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "下播：保存峰值、观看人数与观看时长")
    Mono<Detail> end(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.end(user(jwt), id);
    }

    /** The lineup's product ids in their new order. */
    record LineupOrder(@NotNull(message = "请提供商品顺序") @Size(max = 200, message = "一场直播最多 200 件商品")
                       List<@NotNull(message = "商品不能为空") Long> productIds) {
    }

    @PutMapping("/{id}/lineup")
    @Operation(summary = "调整本场商品的讲解顺序（未开播或直播中；须为本场的全部商品）")
    Mono<Detail> reorder(@PathVariable long id, @Valid @RequestBody LineupOrder request, @AuthenticationPrincipal Jwt jwt) {
        return service.reorder(user(jwt), id, request.productIds());
    }

    @PutMapping("/{id}/pinned")
    @Operation(summary = "置顶讲解商品（仅直播中，须为本场商品）")
    Mono<PinnedProduct> pin(@PathVariable long id, @Valid @RequestBody PinRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.pin(user(jwt), id, request.productId());
    }

    @DeleteMapping("/{id}/pinned")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "取消置顶")
    Mono<Void> unpin(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.unpin(user(jwt), id);
    }

    private static long user(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
