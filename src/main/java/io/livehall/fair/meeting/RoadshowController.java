package io.livehall.fair.meeting;

import io.livehall.fair.FairStaff;
import io.livehall.fair.meeting.Roadshow.QuestionView;
import io.livehall.fair.meeting.Roadshow.Room;
import io.livehall.fair.meeting.Roadshow.Stage;
import io.livehall.fair.meeting.RoadshowRepository.Project;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The roadshow room of a financing fair: for its approved participants (ask, upvote, 感兴趣, the project marks its
 * questions answered) and its organisers (stream, current project, answered).
 */
@RestController
@Tag(name = "投融资路演 Roadshow", description = "路演间：当前项目、直播、投资人提问与点赞、感兴趣")
class RoadshowController {

    private final Roadshow roadshow;

    RoadshowController(Roadshow roadshow) {
        this.roadshow = roadshow;
    }

    @GetMapping("/api/fairs/{fairId}/roadshow")
    @Operation(summary = "路演间：直播、当前项目、各项目感兴趣数、问题列表、我的点赞与感兴趣")
    Mono<Room> room(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        return roadshow.room(fairId, staff(jwt));
    }

    @PostMapping("/api/fairs/{fairId}/roadshow/questions")
    @Operation(summary = "向路演项目提问（不指定项目时问当前项目）")
    Mono<QuestionView> ask(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt,
                           @Valid @RequestBody RoadshowRequests.Ask request) {
        return roadshow.ask(fairId, staff(jwt), request.projectId(), request.text());
    }

    @PostMapping("/api/fairs/{fairId}/roadshow/questions/{questionId}/vote")
    @Operation(summary = "给问题点赞（每人每题一次，重复无效）")
    Mono<QuestionView> vote(@PathVariable long fairId, @PathVariable long questionId, @AuthenticationPrincipal Jwt jwt) {
        return roadshow.vote(fairId, staff(jwt), questionId);
    }

    @PostMapping("/api/fairs/{fairId}/roadshow/questions/{questionId}/answered")
    @Operation(summary = "标记问题已答复（被提问的项目方或主办方）")
    Mono<QuestionView> answered(@PathVariable long fairId, @PathVariable long questionId, @AuthenticationPrincipal Jwt jwt) {
        return roadshow.answered(fairId, staff(jwt), questionId);
    }

    @PostMapping("/api/fairs/{fairId}/roadshow/projects/{projectId}/interest")
    @Operation(summary = "投资机构对项目标记感兴趣（每个项目一次，首次通知项目方）")
    Mono<Project> interest(@PathVariable long fairId, @PathVariable long projectId, @AuthenticationPrincipal Jwt jwt) {
        return roadshow.interest(fairId, staff(jwt), projectId);
    }

    @PutMapping("/api/organiser/fairs/{fairId}/roadshow/stream")
    @Operation(summary = "设置路演直播地址（主办方）")
    Mono<Stage> stream(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt,
                       @Valid @RequestBody RoadshowRequests.Stream request) {
        return roadshow.setStream(fairId, FairStaff.of(jwt), request.streamUrl());
    }

    @PutMapping("/api/organiser/fairs/{fairId}/roadshow/current")
    @Operation(summary = "切换正在路演的项目（主办方；不填为暂无）")
    Mono<Stage> current(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt,
                        @Valid @RequestBody RoadshowRequests.Current request) {
        return roadshow.setCurrent(fairId, FairStaff.of(jwt), request.projectId());
    }

    private static FairStaff staff(Jwt jwt) {
        MeetingController.userId(jwt);
        return FairStaff.of(jwt);
    }
}
