package io.livehall.notification;

import java.time.Clock;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user's own notifications: list (newest first), unread count, mark one or all read. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "通知 Notifications", description = "通知中心：我的通知、未读数、标为已读")
@SecurityRequirement(name = "bearer")
class NotificationController {

    /** The unread count, as {@code GET /unread-count} and {@code POST /read-all} answer it. */
    record Unread(long unread) {
    }

    private final NotificationRepository repository;
    private final Clock clock;

    NotificationController(NotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "我的通知（新的在前，keyset 分页：?after=上一页的 next&limit=1..100）")
    Mono<Page<UserNotification>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String after,
                                      @RequestParam(required = false) Integer limit) {
        PageRequest page = PageRequest.of(after, limit);
        return repository.list(userId(jwt), page).collectList()
                .map(items -> Page.of(items, page.limit(), n -> Long.toString(n.id())));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "未读通知数")
    Mono<Unread> unread(@AuthenticationPrincipal Jwt jwt) {
        return repository.unread(userId(jwt)).map(Unread::new);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "标为已读（只能标自己的通知；别人的通知为 404）")
    Mono<UserNotification> read(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return repository.markRead(userId(jwt), id, clock.instant())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("通知")));
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标为已读")
    Mono<Unread> readAll(@AuthenticationPrincipal Jwt jwt) {
        long user = userId(jwt);
        return repository.markAllRead(user, clock.instant()).then(repository.unread(user)).map(Unread::new);
    }

    private static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
