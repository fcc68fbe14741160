package io.livehall.training.course;

import io.livehall.common.paging.Page;
import io.livehall.training.course.CourseViews.CourseCard;
import io.livehall.training.course.CourseViews.CourseDetail;
import io.livehall.training.course.CourseViews.LearningItem;
import io.livehall.training.course.CourseViews.ProgressAnswer;
import io.livehall.training.course.CourseViews.Topic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The course library for learners: public reads (a logged-in caller also gets their own progress), progress reports
 * and "my learning" (logged in: {@code /api/**} needs a token, SecurityConfig lets GET {@code /api/courses/**} pass).
 */
@RestController
@Tag(name = "微课 Course library", description = "点播课程、学习进度、我的学习")
class CourseController {

    private final CourseQueries queries;
    private final CourseProgressService progress;

    CourseController(CourseQueries queries, CourseProgressService progress) {
        this.queries = queries;
        this.progress = progress;
    }

    @GetMapping("/api/courses")
    @Operation(summary = "课程库（已发布；按专题筛选、q 搜索标题/简介/讲师；sort=newest 最新 或 learners 学习人数；keyset 分页）")
    Mono<Page<CourseCard>> list(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Long topic, @RequestParam(required = false) String q,
                                @RequestParam(required = false) String sort, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> queries.library(after, limit, topic, q, sort, userOf(jwt)));
    }

    @GetMapping("/api/courses/topics")
    @Operation(summary = "课程专题（按排序）")
    Flux<Topic> topics() {
        return queries.topics();
    }

    @GetMapping("/api/courses/{id}")
    @Operation(summary = "一门课程：课时、学习人数；登录后含每个课时的进度与续播位置")
    Mono<CourseDetail> course(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return queries.published(id, userOf(jwt));
    }

    @PutMapping("/api/courses/{id}/lessons/{lessonId}/progress")
    @Operation(summary = "上报学习进度（播放位置、累计观看秒数；观看时长按两次上报间的真实时间计入，满 90% 记为学完）")
    Mono<ProgressAnswer> report(@PathVariable long id, @PathVariable long lessonId, @Valid @RequestBody ProgressRequest request,
                                @AuthenticationPrincipal Jwt jwt) {
        return progress.report(Long.parseLong(jwt.getSubject()), id, lessonId, request);
    }

    @GetMapping("/api/me/learning")
    @Operation(summary = "我的学习：学过的课程、进度、最近学习时间（最近在前，keyset 分页）")
    Mono<Page<LearningItem>> myLearning(@RequestParam(required = false) String after,
                                        @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> queries.myLearning(Long.parseLong(jwt.getSubject()), after, limit));
    }

    private static Long userOf(Jwt jwt) {
        return jwt == null ? null : Long.valueOf(jwt.getSubject());
    }
}
