package io.livehall.showcase.order;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.showcase.live.LiveSessions;
import io.livehall.showcase.merchant.MerchantAccess;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Flash deals: a merchant opens one in its live session; anyone sees a session's current deal. */
@RestController
@Tag(name = "秒杀 Flash deals", description = "直播间限时秒杀")
class FlashDealController {

    private final FlashDealService deals;
    private final MerchantAccess merchants;
    private final LiveSessions sessions;

    FlashDealController(FlashDealService deals, MerchantAccess merchants, LiveSessions sessions) {
        this.deals = deals;
        this.merchants = merchants;
        this.sessions = sessions;
    }

    @PostMapping("/api/merchant/flash-deals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起秒杀（直播中；数量从商品库存划出，结束后未售出的退回）", security = @SecurityRequirement(name = "bearer"))
    Mono<FlashDealView> open(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody OpenDealRequest request) {
        return deals.open(OrderController.userId(jwt), request);
    }

    @GetMapping("/api/merchant/flash-deals")
    @Operation(summary = "本商家某场直播的秒杀（新的在前）", security = @SecurityRequirement(name = "bearer"))
    Mono<List<FlashDealView>> ofSession(@AuthenticationPrincipal Jwt jwt, @RequestParam long sessionId) {
        return merchants.merchantOf(OrderController.userId(jwt))
                .flatMap(m -> sessions.find(sessionId).filter(s -> s.merchantId() == m.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .flatMap(s -> deals.ofSession(s.id(), 50).collectList());
    }

    @GetMapping("/api/flash-deals/{dealId}/mine")
    @Operation(summary = "我在这场秒杀已抢的件数、还可抢几件、是否已达限购（登录后）", security = @SecurityRequirement(name = "bearer"))
    Mono<DealHolding> mine(@AuthenticationPrincipal Jwt jwt, @PathVariable long dealId) {
        return deals.holdingOf(OrderController.userId(jwt), dealId);
    }

    @GetMapping("/api/live-sessions/{sessionId}/flash-deal")
    @Operation(summary = "直播间当前的秒杀（无则 204）；实时状态见 /topic/live/{id}/deals")
    Mono<ResponseEntity<FlashDealView>> current(@PathVariable long sessionId) {
        return deals.currentOf(sessionId).map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.noContent().build());
    }
}
