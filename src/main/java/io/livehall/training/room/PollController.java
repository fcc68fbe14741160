package io.livehall.training.room;

import java.util.List;

import io.livehall.common.text.PlainText;
import io.livehall.training.TrainingStaff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Polls of a training session's room: results open to guests, votes need an account, the organiser runs them. */
@RestController
@Tag(name = "培训互动 Training room")
class PollController {

    record PollRequest(@NotBlank(message = "请填写投票问题") @Size(max = 100, message = "投票问题最多 100 字") @PlainText String question,
                       @NotNull(message = "请填写选项") @Size(min = 2, max = 6, message = "选项需为 2-6 个")
                       List<@NotBlank(message = "选项不能为空") @Size(max = 40, message = "每个选项最多 40 字") @PlainText String> options,
                       Boolean multiple) {
    }

    record VoteRequest(@NotEmpty(message = "请选择选项") @Size(max = 6, message = "最多选择 6 项") List<@NotNull Integer> choices) {
    }

    private final Polls polls;

    PollController(Polls polls) {
        this.polls = polls;
    }

    @GetMapping("/api/training/sessions/{id}/polls")
    @Operation(summary = "已发起的投票及结果（新的在前；与 /topic/training/{id}/poll 相同）")
    Mono<Polls.Snapshot> polls(@PathVariable long id) {
        return polls.publicSnapshot(id);
    }

    @GetMapping("/api/training/sessions/{id}/polls/mine")
    @Operation(summary = "我在本节课各投票中的选择")
    @SecurityRequirement(name = "bearer")
    Mono<List<Polls.MyVote>> mine(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> polls.mine(id, RoomGuards.user(jwt)));
    }

    @PostMapping("/api/training/sessions/{id}/polls/{pollId}/vote")
    @Operation(summary = "投票（每人一次；重复提交返回第一次的选择）")
    @SecurityRequirement(name = "bearer")
    Mono<Polls.MyVote> vote(@PathVariable long id, @PathVariable long pollId, @Valid @RequestBody VoteRequest request,
                            @AuthenticationPrincipal Jwt jwt) {
        return polls.vote(id, pollId, RoomGuards.user(jwt), request.choices());
    }

    @GetMapping("/api/organiser/training/sessions/{id}/polls")
    @Operation(summary = "主办方：本节课全部投票（含草稿）及结果")
    @SecurityRequirement(name = "bearer")
    Mono<Polls.Snapshot> all(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return polls.all(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/api/organiser/training/sessions/{id}/polls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "主办方：新建投票（草稿；问题 ≤ 100 字，2-6 个选项各 ≤ 40 字，单选或多选）")
    @SecurityRequirement(name = "bearer")
    Mono<Polls.PollView> create(@PathVariable long id, @Valid @RequestBody PollRequest request, @AuthenticationPrincipal Jwt jwt) {
        return polls.create(TrainingStaff.of(jwt), id, request.question(), request.options(), Boolean.TRUE.equals(request.multiple()));
    }

    @PostMapping("/api/organiser/training/sessions/{id}/polls/{pollId}/open")
    @Operation(summary = "主办方：发起投票（直播中；同时只能有一个进行中的投票）")
    @SecurityRequirement(name = "bearer")
    Mono<Polls.PollView> open(@PathVariable long id, @PathVariable long pollId, @AuthenticationPrincipal Jwt jwt) {
        return polls.open(TrainingStaff.of(jwt), id, pollId);
    }

    @PostMapping("/api/organiser/training/sessions/{id}/polls/{pollId}/close")
    @Operation(summary = "主办方：结束投票（结果保留可见）")
    @SecurityRequirement(name = "bearer")
    Mono<Polls.PollView> close(@PathVariable long id, @PathVariable long pollId, @AuthenticationPrincipal Jwt jwt) {
        return polls.close(TrainingStaff.of(jwt), id, pollId);
    }
}
