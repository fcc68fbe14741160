package io.livehall.showcase.live;

import io.livehall.common.paging.Page;
import io.livehall.showcase.live.PastSessionViews.AfterLive;
import io.livehall.showcase.live.PastSessionViews.PastCard;
import io.livehall.showcase.live.PastSessionViews.Replay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * After the live: 往期直播 and an ended room's offer (public GETs), and the merchant's replay link of its ended
 * sessions ({@code /api/merchant/**} needs role MERCHANT, see SecurityConfig).
 */
@RestController
@Tag(name = "往期直播 After the live", description = "往期直播及其数据、回放链接、结束后的下一场与商品")
class PastSessionController {

    private final PastSessions past;

    PastSessionController(PastSessions past) {
        this.past = past;
    }

    @GetMapping("/api/live-sessions/past")
    @Operation(summary = "往期直播：已结束的直播及其数据（峰值、观看人数、点赞、订单、成交额）与回放，最近结束的在前（keyset 分页）")
    Mono<Page<PastCard>> list(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        return past.list(after, limit);
    }

    @GetMapping("/api/live-sessions/{id}/after")
    @Operation(summary = "直播结束后：回放链接、该商家的下一场直播与部分在售商品")
    Mono<AfterLive> afterLive(@PathVariable long id) {
        return past.afterLive(id);
    }

    @GetMapping("/api/merchant/live-sessions/{id}/replay")
    @Operation(summary = "本店一场直播的回放链接", security = @SecurityRequirement(name = "bearer"))
    Mono<Replay> replay(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return past.replay(user(jwt), id);
    }

    @PutMapping("/api/merchant/live-sessions/{id}/replay")
    @Operation(summary = "设置回放链接（仅已结束的本店直播；http(s) 网址，最长 500 字符）",
            security = @SecurityRequirement(name = "bearer"))
    Mono<Replay> setReplay(@PathVariable long id, @Valid @RequestBody ReplayRequest request, @AuthenticationPrincipal Jwt jwt) {
        return past.setReplay(user(jwt), id, request.replayUrl());
    }

    @DeleteMapping("/api/merchant/live-sessions/{id}/replay")
    @Operation(summary = "清除回放链接", security = @SecurityRequirement(name = "bearer"))
    Mono<Replay> clearReplay(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return past.setReplay(user(jwt), id, null);
    }

    private static long user(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
