package io.livehall.showcase.live;

import io.livehall.common.paging.Page;
import io.livehall.showcase.live.LiveSessionViews.Card;
import io.livehall.showcase.live.LiveSessionViews.Detail;
import io.livehall.showcase.live.LiveSessionViews.Reminder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public schedule and live rooms (GETs are open to guests; a token, when sent, fills {@code reminded}),
 * and "remind me" for logged-in viewers.
 */
@RestController
@RequestMapping("/api/live-sessions")
@Tag(name = "直播 Live", description = "直播排期、直播间信息、开播提醒")
class LiveSessionController {

    private final LiveSessionQueries queries;
    private final LiveReminders reminders;

    LiveSessionController(LiveSessionQueries queries, LiveReminders reminders) {
        this.queries = queries;
        this.reminders = reminders;
    }

    @GetMapping
    @Operation(summary = "直播排期：直播中与即将开播，按开播时间排序（keyset 分页）")
    Mono<Page<Card>> schedule(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                              @AuthenticationPrincipal Jwt jwt) {
        return queries.schedule(after, limit, user(jwt));
    }

    @GetMapping("/{id}")
    @Operation(summary = "一场直播：商品、置顶讲解商品、状态与当前观看数据")
    Mono<Detail> one(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return queries.detail(id, user(jwt));
    }

    @PostMapping("/{id}/reminder")
    @Operation(summary = "开播提醒我（仅未开播的直播）", security = @SecurityRequirement(name = "bearer"))
    Mono<Reminder> remind(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return reminders.remind(id, user(jwt));
    }

    @DeleteMapping("/{id}/reminder")
    @Operation(summary = "取消开播提醒", security = @SecurityRequirement(name = "bearer"))
    Mono<Reminder> forget(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return reminders.forget(id, user(jwt));
    }

    private static Long user(Jwt jwt) {
        return jwt == null ? null : Long.parseLong(jwt.getSubject());
    }
}
