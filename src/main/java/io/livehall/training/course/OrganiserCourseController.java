package io.livehall.training.course;

import io.livehall.common.paging.Page;
import io.livehall.training.TrainingStaff;
import io.livehall.training.course.CourseViews.CourseCard;
import io.livehall.training.course.CourseViews.CourseDetail;
import io.livehall.training.course.CourseViews.Topic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The organiser's course library; {@code /api/organiser/**} needs role ORGANISER or ADMIN (see SecurityConfig). */
@RestController
@RequestMapping("/api/organiser/courses")
@Tag(name = "微课管理 Organiser courses", description = "主办方：专题、课程、课时、发布与下架")
@SecurityRequirement(name = "bearer")
class OrganiserCourseController {

    private final CourseAdminService service;

    OrganiserCourseController(CourseAdminService service) {
        this.service = service;
    }

    @PostMapping("/topics")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建专题（名称唯一）")
    Mono<Topic> createTopic(@Valid @RequestBody TopicRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.createTopic(TrainingStaff.of(jwt), request);
    }

    @PutMapping("/topics/{id}")
    @Operation(summary = "修改我建的专题")
    Mono<Topic> editTopic(@PathVariable long id, @Valid @RequestBody TopicRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.editTopic(TrainingStaff.of(jwt), id, request);
    }

    @DeleteMapping("/topics/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除我建的、没有课程的专题")
    Mono<Void> deleteTopic(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.deleteTopic(TrainingStaff.of(jwt), id);
    }

    @GetMapping
    @Operation(summary = "我的课程（管理员：全部；含未发布；新建在前，keyset 分页）")
    Mono<Page<CourseCard>> mine(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                                @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.mine(TrainingStaff.of(jwt), after, limit));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建课程（未发布）")
    Mono<CourseDetail> create(@Valid @RequestBody CourseRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.create(TrainingStaff.of(jwt), request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "我的一门课程及其课时")
    Mono<CourseDetail> course(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.course(TrainingStaff.of(jwt), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改课程")
    Mono<CourseDetail> edit(@PathVariable long id, @Valid @RequestBody CourseRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.edit(TrainingStaff.of(jwt), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除未发布且无学员的课程")
    Mono<Void> delete(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.delete(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布（至少一个课时）")
    Mono<CourseDetail> publish(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.publish(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/{id}/unpublish")
    @Operation(summary = "下架（学员的进度保留）")
    Mono<CourseDetail> unpublish(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.unpublish(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/{id}/lessons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "追加课时（标题、https 的 .m3u8/.mp4 视频地址、时长秒数）")
    Mono<CourseDetail> addLesson(@PathVariable long id, @Valid @RequestBody LessonRequest request,
                                 @AuthenticationPrincipal Jwt jwt) {
        return service.addLesson(TrainingStaff.of(jwt), id, request);
    }

    @PutMapping("/{id}/lessons/{lessonId}")
    @Operation(summary = "修改课时")
    Mono<CourseDetail> editLesson(@PathVariable long id, @PathVariable long lessonId, @Valid @RequestBody LessonRequest request,
                                  @AuthenticationPrincipal Jwt jwt) {
        return service.editLesson(TrainingStaff.of(jwt), id, lessonId, request);
    }

    @DeleteMapping("/{id}/lessons/{lessonId}")
    @Operation(summary = "删除无人学习的课时（其后课时前移）")
    Mono<CourseDetail> deleteLesson(@PathVariable long id, @PathVariable long lessonId, @AuthenticationPrincipal Jwt jwt) {
        return service.deleteLesson(TrainingStaff.of(jwt), id, lessonId);
    }
}
