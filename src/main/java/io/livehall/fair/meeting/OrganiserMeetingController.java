package io.livehall.fair.meeting;

import io.livehall.fair.FairStaff;
import io.livehall.fair.meeting.MeetingBoard.Board;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The organisers' meeting board of a fair they run (others' fairs answer 404): slots, places, grid, marks, cancelling. */
@RestController
@RequestMapping("/api/organiser/fairs/{fairId}")
@Tag(name = "对接会洽谈管理 Fair meeting board", description = "洽谈时段、洽谈位（桌号/线上会议室）、预约总表、到场标记")
class OrganiserMeetingController {

    private final MeetingBoard board;

    OrganiserMeetingController(MeetingBoard board) {
        this.board = board;
    }

    @GetMapping("/meeting-board")
    @Operation(summary = "预约总表：时段、洽谈位和全部已预约的洽谈")
    Mono<Board> board(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        return board.board(FairStaff.of(jwt), fairId);
    }

    @PostMapping("/slots")
    @Operation(summary = "按日批量生成时段（北京时间，如 09:00–17:00 每 20 分钟；已有的相同时段跳过）")
    Mono<Board> addSlots(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SlotsRequest request) {
        return Mono.defer(() -> board.addSlots(FairStaff.of(jwt), fairId, request));
    }

    @DeleteMapping("/slots/{slotId}")
    @Operation(summary = "删除未被预约过的时段")
    Mono<Board> deleteSlot(@PathVariable long fairId, @PathVariable long slotId, @AuthenticationPrincipal Jwt jwt) {
        return board.deleteSlot(FairStaff.of(jwt), fairId, slotId);
    }

    @PostMapping("/places")
    @Operation(summary = "添加洽谈位：线下洽谈桌 N 张（编号续接）或一个线上会议室（名称 + 链接）")
    Mono<Board> addPlaces(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PlacesRequest request) {
        return Mono.defer(() -> board.addPlaces(FairStaff.of(jwt), fairId, request));
    }

    @PostMapping("/places/{placeId}/disable")
    @Operation(summary = "停用洽谈位（已预约的洽谈不受影响）")
    Mono<Board> disable(@PathVariable long fairId, @PathVariable long placeId, @AuthenticationPrincipal Jwt jwt) {
        return board.setPlaceActive(FairStaff.of(jwt), fairId, placeId, false);
    }

    @PostMapping("/places/{placeId}/enable")
    @Operation(summary = "重新启用洽谈位")
    Mono<Board> enable(@PathVariable long fairId, @PathVariable long placeId, @AuthenticationPrincipal Jwt jwt) {
        return board.setPlaceActive(FairStaff.of(jwt), fairId, placeId, true);
    }

    @PostMapping("/meetings/{meetingId}/cancel")
    @Operation(summary = "取消待处理或已预约（未开始）的洽谈，须填写原因；双方都会收到通知，时段和洽谈位随即释放")
    Mono<Meeting> cancel(@PathVariable long fairId, @PathVariable long meetingId, @AuthenticationPrincipal Jwt jwt,
                         @Valid @RequestBody ReasonRequest request) {
        return board.cancel(FairStaff.of(jwt), fairId, meetingId, request.reason());
    }

    @PostMapping("/meetings/{meetingId}/mark")
    @Operation(summary = "标记洽谈已进行（HELD）或未到场（NO_SHOW），洽谈开始后")
    Mono<Meeting> mark(@PathVariable long fairId, @PathVariable long meetingId, @AuthenticationPrincipal Jwt jwt,
                       @Valid @RequestBody MarkRequest request) {
        return board.mark(FairStaff.of(jwt), fairId, meetingId, MeetingStatus.valueOf(request.status()));
    }
}
