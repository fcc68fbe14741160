package io.livehall.showcase.live;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.text.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Chat moderation of a live room, for its merchant and organisers (others: 403; unknown session: 404). */
@RestController
@RequestMapping("/api/live-sessions/{id}/moderation")
@Tag(name = "直播聊天管理 Chat moderation", description = "本场商家或主办方：隐藏发言、禁言用户（本场有效）")
@SecurityRequirement(name = "bearer")
class ChatModerationController {

    record HideRequest(@NotBlank(message = "请指定要隐藏的消息") @Size(max = 41, message = "消息编号格式不正确") @PlainText
                       String messageId) {
    }

    private final ChatModeration moderation;

    ChatModerationController(ChatModeration moderation) {
        this.moderation = moderation;
    }

    @PostMapping("/hidden")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "隐藏一条发言：所有观众的聊天列表里立即移除，进入直播间或重连时也不再加载")
    Mono<Void> hide(@PathVariable long id, @Valid @RequestBody HideRequest request, @AuthenticationPrincipal Jwt jwt) {
        return moderation.hide(user(jwt), id, request.messageId());
    }

    @GetMapping("/mutes")
    @Operation(summary = "本场被禁言的用户")
    Mono<List<ChatMutes.Mute>> mutes(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return moderation.mutes(user(jwt), id);
    }

    @PutMapping("/mutes/{userId}")
    @Operation(summary = "禁言用户（本场直播内不能发言）")
    Mono<ChatMutes.Mute> mute(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal Jwt jwt) {
        return moderation.mute(user(jwt), id, userId);
    }

    @DeleteMapping("/mutes/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "解除禁言")
    Mono<Void> unmute(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal Jwt jwt) {
        return moderation.unmute(user(jwt), id, userId);
    }

    /** GETs under /api/live-sessions are open to guests (SecurityConfig): this one is not. */
    private static long user(Jwt jwt) {
        if (jwt == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        return Long.parseLong(jwt.getSubject());
    }
}
