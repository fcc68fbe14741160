package io.livehall.training;

import java.time.Instant;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.training.TrainingViews.SeriesCard;
import io.livehall.training.TrainingViews.SeriesDetail;
import io.livehall.training.TrainingViews.SessionCard;
import io.livehall.training.TrainingViews.SessionDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Public reads of trainings (open to guests). */
@RestController
@RequestMapping("/api/training")
@Tag(name = "在线培训 Training", description = "培训系列、课程、日历")
class TrainingController {

    private final TrainingQueries queries;

    TrainingController(TrainingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/series")
    @Operation(summary = "培训系列（新建在前，keyset 分页；按标签、面向对象、状态 upcoming/live/past 筛选）")
    Mono<Page<SeriesCard>> list(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String tag, @RequestParam(required = false) String audience,
                                @RequestParam(required = false) String status) {
        return Mono.defer(() -> queries.list(PageRequest.of(after, limit), tag, audience, TrainingQueries.when(status), null));
    }

    @GetMapping("/series/{id}")
    @Operation(summary = "一个培训系列及其全部课程")
    Mono<SeriesDetail> series(@PathVariable long id) {
        return queries.detail(id);
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "一节课程：讲师、时间、直播流、资料、当前观看数据")
    Mono<SessionDetail> session(@PathVariable long id) {
        return queries.session(id);
    }

    @GetMapping("/sessions")
    @Operation(summary = "培训日历：开始时间在 [from, to) 内的课程（最多 62 天）")
    Flux<SessionCard> calendar(@RequestParam Instant from, @RequestParam Instant to) {
        return queries.calendar(from, to);
    }
}
