package io.livehall.training;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.training.TrainingViews.SeriesCard;
import io.livehall.training.TrainingViews.SeriesDetail;
import io.livehall.training.TrainingViews.SessionDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

/** The organiser's trainings; {@code /api/organiser/**} needs role ORGANISER or ADMIN (see SecurityConfig). */
@RestController
@RequestMapping("/api/organiser/training")
@Tag(name = "培训管理 Organiser training", description = "主办方：培训系列、课程、资料、开始与结束直播")
@SecurityRequirement(name = "bearer")
class OrganiserTrainingController {

    private final TrainingService service;

    OrganiserTrainingController(TrainingService service) {
        this.service = service;
    }

    @GetMapping("/series")
    @Operation(summary = "我创建的培训系列（管理员：全部；新建在前，keyset 分页）")
    Mono<Page<SeriesCard>> mine(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                                @AuthenticationPrincipal Jwt jwt) {
        return service.mine(TrainingStaff.of(jwt), PageRequest.of(after, limit));
    }

    @PostMapping("/series")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建培训系列（名称、面向对象、标签、封面）")
    Mono<SeriesDetail> create(@Valid @RequestBody SeriesRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.createSeries(TrainingStaff.of(jwt), request);
    }

    @GetMapping("/series/{id}")
    @Operation(summary = "我的一个培训系列及其课程")
    Mono<SeriesDetail> series(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.series(TrainingStaff.of(jwt), id);
    }

    @PutMapping("/series/{id}")
    @Operation(summary = "修改培训系列")
    Mono<SeriesDetail> edit(@PathVariable long id, @Valid @RequestBody SeriesRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.editSeries(TrainingStaff.of(jwt), id, request);
    }

    @PostMapping("/series/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "为系列新增一节课程（讲师、时间、时长、直播流地址、资料文件）")
    Mono<SessionDetail> addSession(@PathVariable long id, @Valid @RequestBody SessionRequest request,
                                   @AuthenticationPrincipal Jwt jwt) {
        return service.addSession(TrainingStaff.of(jwt), id, request);
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "我的一节课程")
    Mono<SessionDetail> session(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.session(TrainingStaff.of(jwt), id);
    }

    @PutMapping("/sessions/{id}")
    @Operation(summary = "修改未开始的课程")
    Mono<SessionDetail> editSession(@PathVariable long id, @Valid @RequestBody SessionRequest request,
                                    @AuthenticationPrincipal Jwt jwt) {
        return service.editSession(TrainingStaff.of(jwt), id, request);
    }

    @PostMapping("/sessions/{id}/start")
    @Operation(summary = "开始直播（未开始 → 直播中）")
    Mono<SessionDetail> start(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.start(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/sessions/{id}/end")
    @Operation(summary = "结束直播（直播中 → 已结束）")
    Mono<SessionDetail> end(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.end(TrainingStaff.of(jwt), id);
    }

}
