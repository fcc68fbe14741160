package io.livehall.training.replay;

import java.util.List;
import java.util.UUID;

import io.livehall.common.error.ApiProblem;
import io.livehall.identity.GuestIds;
import io.livehall.training.TrainingStaff;
import io.livehall.training.replay.ReplayViews.HeartbeatResult;
import io.livehall.training.replay.ReplayViews.OrganiserReplay;
import io.livehall.training.replay.ReplayViews.Replay;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Replays of training sessions: the public replay and its heartbeats (guests too: POST heartbeat is open, see
 * SecurityConfig), and the organiser's replay ({@code /api/organiser/**}: ORGANISER or ADMIN).
 */
@RestController
@Tag(name = "培训回看 Training replay", description = "课程回看：回看地址或视频、章节、回看人次与时长")
class ReplayController {

    private final ReplayService service;
    private final ReplayWatch watch;
    private final GuestIds guests;

    ReplayController(ReplayService service, ReplayWatch watch, GuestIds guests) {
        this.service = service;
        this.watch = watch;
        this.guests = guests;
    }

    @GetMapping("/api/training/sessions/{id}/replay")
    @Operation(summary = "课程回看：播放地址、类型（HLS/MP4）、章节与回看数据（回看人次、人数、时长）；无回看时 404")
    Mono<Replay> replay(@PathVariable long id) {
        return service.replay(id);
    }

    @PostMapping("/api/training/sessions/{id}/replay/heartbeat")
    @Operation(summary = "回看心跳：播放中每 15 秒一次（每次播放一个 viewId）；登录用户凭令牌，访客凭 X-Guest 访客标识；"
            + "同一播放同一 15 秒时段只计一次，同一观众约 10 秒内只计一次")
    Mono<HeartbeatResult> heartbeat(@PathVariable long id, @Valid @RequestBody HeartbeatRequest request,
                                    @RequestHeader(name = "X-Guest", required = false) String guestPass,
                                    @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> watch.heartbeat(id, viewer(jwt, guestPass), UUID.fromString(request.viewId()),
                request.positionSeconds()));
    }

    @GetMapping("/api/organiser/training/sessions/{id}/replay")
    @Operation(summary = "我的课程的回看设置与回看数据", security = @SecurityRequirement(name = "bearer"))
    Mono<OrganiserReplay> mine(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.forOrganiser(TrainingStaff.of(jwt), id);
    }

    @PutMapping("/api/organiser/training/sessions/{id}/replay")
    @Operation(summary = "设置回看（仅已结束或可回看的课程）：https 的 HLS/MP4 地址或已上传的视频，及章节（≤50，开始时间递增）；"
            + "首次设置后课程变为可回看", security = @SecurityRequirement(name = "bearer"))
    Mono<OrganiserReplay> set(@PathVariable long id, @Valid @RequestBody ReplayRequest request,
                              @AuthenticationPrincipal Jwt jwt) {
        return service.set(TrainingStaff.of(jwt), id, request);
    }

    /** The user of the token, else the guest of a valid pass; 401 for neither. */
    private ReplayWatch.Viewer viewer(Jwt jwt, String guestPass) {
        if (jwt != null) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return ReplayWatch.Viewer.user(Long.parseLong(jwt.getSubject()), roles != null && roles.contains("ADMIN"));
        }
        return guests.verify(guestPass).map(ReplayWatch.Viewer::guest)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "guest-required", "请先登录或携带访客标识"));
    }
}
