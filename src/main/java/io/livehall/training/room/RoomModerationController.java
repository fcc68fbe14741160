package io.livehall.training.room;

import java.util.List;

import io.livehall.common.text.PlainText;
import io.livehall.training.TrainingStaff;
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

/** The series' organiser moderates a training room: hide chat lines, ban users from the series' rooms. */
@RestController
@RequestMapping("/api/organiser/training/sessions/{id}")
@Tag(name = "培训互动 Training room")
@SecurityRequirement(name = "bearer")
class RoomModerationController {

    record HideRequest(@NotBlank(message = "请指定要隐藏的消息") @Size(max = 41, message = "消息编号格式不正确") @PlainText
                       String messageId) {
    }

    private final RoomModeration moderation;

    RoomModerationController(RoomModeration moderation) {
        this.moderation = moderation;
    }

    @PostMapping("/chat/hidden")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "主办方：隐藏一条聊天发言（所有观众立即移除，重连也不再加载）")
    Mono<Void> hide(@PathVariable long id, @Valid @RequestBody HideRequest request, @AuthenticationPrincipal Jwt jwt) {
        return moderation.hideChat(TrainingStaff.of(jwt), id, request.messageId());
    }

    @GetMapping("/bans")
    @Operation(summary = "主办方：本系列被禁止提问和发言的用户")
    Mono<List<RoomBans.Ban>> bans(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return moderation.bans(TrainingStaff.of(jwt), id);
    }

    @PutMapping("/bans/{userId}")
    @Operation(summary = "主办方：禁止用户在本系列所有课程中提问和发言")
    Mono<List<RoomBans.Ban>> ban(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal Jwt jwt) {
        return moderation.ban(TrainingStaff.of(jwt), id, userId);
    }

    @DeleteMapping("/bans/{userId}")
    @Operation(summary = "主办方：解除禁止")
    Mono<List<RoomBans.Ban>> unban(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal Jwt jwt) {
        return moderation.unban(TrainingStaff.of(jwt), id, userId);
    }
}
