package io.livehall.training.room;

import java.util.List;

import io.livehall.common.text.PlainText;
import io.livehall.training.TrainingStaff;
import io.livehall.training.room.QuestionRepository.Question;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Q&A of a training session's room: reading is open to guests; asking and voting need an account (POSTs and PUTs
 * under /api need one, see SecurityConfig); answering, pinning and hiding are for the series' organiser and admins
 * under {@code /api/organiser} (another organiser's session: 404).
 */
@RestController
@Tag(name = "培训互动 Training room", description = "直播课堂：问答、投票、签到、聊天管理")
class QaController {

    record AskRequest(@NotBlank(message = "请填写问题") @Size(max = 200, message = "问题最多 200 字") @PlainText String text) {
    }

    record AnswerRequest(@Size(max = 300, message = "回答最多 300 字") @PlainText String answer) {
    }

    record FlagRequest(@NotNull(message = "请指定是或否") Boolean value) {
    }

    private final Questions questions;

    QaController(Questions questions) {
        this.questions = questions;
    }

    @GetMapping("/api/training/sessions/{id}/qa")
    @Operation(summary = "问答：置顶在前，按票数和时间排序，前 50 条及总数（与 /topic/training/{id}/qa 相同）")
    Mono<Questions.Snapshot> snapshot(@PathVariable long id) {
        return questions.publicSnapshot(id);
    }

    @GetMapping("/api/training/sessions/{id}/qa/mine")
    @Operation(summary = "我在本节课的投票和我提的问题（被隐藏的也列出并标明）")
    @SecurityRequirement(name = "bearer")
    Mono<Questions.Mine> mine(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> questions.mine(id, RoomGuards.user(jwt)));
    }

    @PostMapping("/api/training/sessions/{id}/qa")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提问（直播中；最多 200 字；限频）")
    @SecurityRequirement(name = "bearer")
    Mono<Question> ask(@PathVariable long id, @Valid @RequestBody AskRequest request, @AuthenticationPrincipal Jwt jwt) {
        return questions.ask(id, RoomGuards.user(jwt), request.text());
    }

    @PutMapping("/api/training/sessions/{id}/qa/{questionId}/vote")
    @Operation(summary = "给问题点赞（每人每题一次，重复无变化）")
    @SecurityRequirement(name = "bearer")
    Mono<Questions.QuestionView> vote(@PathVariable long id, @PathVariable long questionId, @AuthenticationPrincipal Jwt jwt) {
        return questions.vote(id, questionId, RoomGuards.user(jwt), true);
    }

    @DeleteMapping("/api/training/sessions/{id}/qa/{questionId}/vote")
    @Operation(summary = "撤回点赞")
    @SecurityRequirement(name = "bearer")
    Mono<Questions.QuestionView> unvote(@PathVariable long id, @PathVariable long questionId, @AuthenticationPrincipal Jwt jwt) {
        return questions.vote(id, questionId, RoomGuards.user(jwt), false);
    }

    @GetMapping("/api/organiser/training/sessions/{id}/qa")
    @Operation(summary = "主办方：本节课全部问题（含已隐藏，带提问人编号）")
    @SecurityRequirement(name = "bearer")
    Mono<List<Question>> all(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return questions.all(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/api/organiser/training/sessions/{id}/qa/{questionId}/answer")
    @Operation(summary = "主办方：标记已回答（可附简短文字回答）")
    @SecurityRequirement(name = "bearer")
    Mono<Question> answer(@PathVariable long id, @PathVariable long questionId, @Valid @RequestBody AnswerRequest request,
                          @AuthenticationPrincipal Jwt jwt) {
        return questions.answer(TrainingStaff.of(jwt), id, questionId, request.answer());
    }

    @PutMapping("/api/organiser/training/sessions/{id}/qa/{questionId}/pinned")
    @Operation(summary = "主办方：置顶或取消置顶（同时只有一个置顶问题）")
    @SecurityRequirement(name = "bearer")
    Mono<Question> pin(@PathVariable long id, @PathVariable long questionId, @Valid @RequestBody FlagRequest request,
                       @AuthenticationPrincipal Jwt jwt) {
        return questions.pin(TrainingStaff.of(jwt), id, questionId, request.value());
    }

    @PutMapping("/api/organiser/training/sessions/{id}/qa/{questionId}/hidden")
    @Operation(summary = "主办方：隐藏或恢复问题（提问人自己仍能看到并看到“已隐藏”）")
    @SecurityRequirement(name = "bearer")
    Mono<Question> hide(@PathVariable long id, @PathVariable long questionId, @Valid @RequestBody FlagRequest request,
                        @AuthenticationPrincipal Jwt jwt) {
        return questions.hide(TrainingStaff.of(jwt), id, questionId, request.value());
    }
}
