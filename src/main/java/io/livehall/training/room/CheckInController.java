package io.livehall.training.room;

import io.livehall.common.text.PlainText;
import io.livehall.training.TrainingStaff;
import io.livehall.training.room.CheckInRepository.CheckIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

/** Check-in of a training session's room: viewers read the state and enter the code; the organiser starts one. */
@RestController
@Tag(name = "培训互动 Training room")
class CheckInController {

    record CodeRequest(@NotBlank(message = "请输入签到码") @Pattern(regexp = "\\d{4}", message = "签到码为 4 位数字") @PlainText String code) {
    }

    record StartRequest(@Min(value = 1, message = "签到时长为 1-30 分钟") @Max(value = 30, message = "签到时长为 1-30 分钟")
                        Integer minutes) {
    }

    private final CheckIns checkIns;

    CheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @GetMapping("/api/training/sessions/{id}/checkin")
    @Operation(summary = "当前签到的时间窗口和人数（不含签到码）；登录后还有我是否已签到")
    Mono<CheckIns.MyCheckIn> state(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return checkIns.mine(id, jwt == null ? null : Long.parseLong(jwt.getSubject()));
    }

    @PostMapping("/api/training/sessions/{id}/checkin")
    @Operation(summary = "输入签到码签到（错误返回 400 及剩余次数，5 次后 429；窗口结束后 409；重复签到返回同一结果）")
    @SecurityRequirement(name = "bearer")
    Mono<CheckIns.MyCheckIn> checkIn(@PathVariable long id, @Valid @RequestBody CodeRequest request,
                                     @AuthenticationPrincipal Jwt jwt) {
        return checkIns.checkIn(id, RoomGuards.user(jwt), request.code());
    }

    @GetMapping("/api/organiser/training/sessions/{id}/checkins")
    @Operation(summary = "主办方：本节课的全部签到（含签到码和人数）")
    @SecurityRequirement(name = "bearer")
    Mono<CheckIns.Console> console(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return checkIns.console(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/api/organiser/training/sessions/{id}/checkins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "主办方：发起签到（直播中；随机 4 位签到码；时长 1-30 分钟，默认 5 分钟）")
    @SecurityRequirement(name = "bearer")
    Mono<CheckIn> start(@PathVariable long id, @Valid @RequestBody StartRequest request, @AuthenticationPrincipal Jwt jwt) {
        return checkIns.start(TrainingStaff.of(jwt), id, request.minutes());
    }
}
