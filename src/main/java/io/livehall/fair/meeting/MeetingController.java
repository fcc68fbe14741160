package io.livehall.fair.meeting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.text.TextRules;
import io.livehall.fair.ParticipantRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A participant's meetings at a fair: my agenda and requests, the fair's slots, request / accept / decline / cancel /
 * confirm held. Only the approved participants of the fair (403 before approval); a meeting of others answers 404.
 */
@RestController
@RequestMapping("/api/fairs/{fairId}")
@Tag(name = "对接会洽谈 Fair meetings", description = "洽谈时段、约见请求、接受/婉拒/取消、我的日程")
class MeetingController {

    /** My agenda (booked, held, missed; in time order) and my requests (received, sent). */
    record Mine(long participantId, List<Meeting> agenda, List<Meeting> incoming, List<Meeting> outgoing) {
    }

    /** Someone to invite: an approved participant of the fair. */
    record Counterpart(long participantId, String enterprise, String region, ParticipantRole role) {
    }

    private final MeetingRequests requests;
    private final SlotRepository slots;
    private final MeetingCalendarFile calendarFile;

    MeetingController(MeetingRequests requests, SlotRepository slots, MeetingCalendarFile calendarFile) {
        this.requests = requests;
        this.slots = slots;
        this.calendarFile = calendarFile;
    }

    @GetMapping("/meetings")
    @Operation(summary = "我的洽谈：日程（按时间）、收到的请求、发出的请求")
    Mono<Mine> mine(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        return requests.me(fairId, userId(jwt)).flatMap(me -> requests.meetingsOf(me.id()).collectList().map(all -> {
            List<Meeting> agenda = all.stream().filter(m -> m.status().booked()).toList();
            List<Meeting> incoming = all.stream().filter(m -> !m.status().booked()
                    && m.invitee().participantId() == me.id()).toList();
            List<Meeting> outgoing = all.stream().filter(m -> !m.status().booked()
                    && m.requester().participantId() == me.id()).toList();
            return new Mine(me.id(), agenda, incoming, outgoing);
        }));
    }

    @GetMapping(value = "/meetings.ics", produces = "text/calendar")
    @Operation(summary = "我的洽谈日程（iCalendar，北京时间；已预约与已洽谈的）")
    Mono<ResponseEntity<String>> calendar(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt,
                                          ServerHttpRequest http) {
        URI uri = http.getURI();
        URI site = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
        // ical4j reads its zone and class-path resources on first use: off the event loop, as the training calendars do
        return requests.me(fairId, userId(jwt)).flatMap(me -> Mono.zip(requests.meetingsOf(me.id()).collectList(),
                        requests.fairTitle(fairId))
                .publishOn(Schedulers.boundedElastic())
                .map(t -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                        .headers(h -> h.setContentDisposition(ContentDisposition.attachment()
                                .filename("fair-" + fairId + "-meetings.ics").build()))
                        .body(calendarFile.of(t.getT1(), me.id(), t.getT2(), site))));
    }

    @GetMapping("/meeting-slots")
    @Operation(summary = "本场对接会的洽谈时段（每个时段剩余的洽谈位数）")
    Mono<List<Slot>> slots(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt) {
        return requests.me(fairId, userId(jwt)).thenMany(slots.slots(fairId)).collectList();
    }

    @GetMapping("/meeting-counterparts")
    @Operation(summary = "可约见的企业：本场对接会已通过审核的其他企业，按名称筛选（最多 20 家）")
    Mono<List<Counterpart>> counterparts(@PathVariable long fairId, @RequestParam(required = false) String q,
                                         @AuthenticationPrincipal Jwt jwt) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 50 || TextRules.problem(query, false) != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "关键词最多 50 字",
                    List.of(new FieldProblem("q", "关键词最多 50 字，且不能含控制字符")));
        }
        return requests.me(fairId, userId(jwt)).flatMapMany(me -> requests.counterparts(fairId)
                        .filter(p -> p.id() != me.id() && p.enterpriseId() != me.enterpriseId()
                                && p.enterpriseName().contains(query)))
                .take(20)
                .map(p -> new Counterpart(p.id(), p.enterpriseName(), p.region(), p.role()))
                .collectList();
    }

    @PostMapping("/meetings")
    @Operation(summary = "向另一家已通过审核的企业发起洽谈（必须带 Idempotency-Key，重复提交返回首次的请求）")
    Mono<ResponseEntity<Meeting>> request(@PathVariable long fairId, @AuthenticationPrincipal Jwt jwt,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          @Valid @RequestBody MeetingRequest request) {
        return Mono.defer(() -> requests.request(userId(jwt), fairId, idempotencyKey(key), request))
                .map(c -> ResponseEntity.status(c.created() ? HttpStatus.CREATED : HttpStatus.OK).body(c.meeting()));
    }

    @PostMapping("/meetings/{id}/accept")
    @Operation(summary = "接受洽谈并选择时段，系统分配空闲洽谈位（必须带 Idempotency-Key）")
    Mono<Meeting> accept(@PathVariable long fairId, @PathVariable long id, @AuthenticationPrincipal Jwt jwt,
                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                         @Valid @RequestBody AcceptRequest request) {
        return Mono.defer(() -> requests.accept(userId(jwt), fairId, id, idempotencyKey(key), request.slotId()));
    }

    @PostMapping("/meetings/{id}/decline")
    @Operation(summary = "婉拒洽谈（须填原因）")
    Mono<Meeting> decline(@PathVariable long fairId, @PathVariable long id, @AuthenticationPrincipal Jwt jwt,
                          @Valid @RequestBody ReasonRequest request) {
        return Mono.defer(() -> requests.decline(userId(jwt), fairId, id, request.reason()));
    }

    @PostMapping("/meetings/{id}/cancel")
    @Operation(summary = "撤回请求或取消已预约的洽谈（开始前；原因可选）")
    Mono<Meeting> cancel(@PathVariable long fairId, @PathVariable long id, @AuthenticationPrincipal Jwt jwt,
                         @Valid @RequestBody(required = false) ReasonRequest request) {
        return Mono.defer(() -> requests.cancel(userId(jwt), fairId, id, request == null ? null : request.reason()));
    }

    @PostMapping("/meetings/{id}/held")
    @Operation(summary = "确认洽谈已进行（双方都确认后记为已洽谈）")
    Mono<Meeting> held(@PathVariable long fairId, @PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> requests.confirmHeld(userId(jwt), fairId, id));
    }

    static String idempotencyKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            String message = "请求头 Idempotency-Key 必填（1-100 个可见 ASCII 字符）";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message,
                    List.of(new FieldProblem("Idempotency-Key", message)));
        }
        return key;
    }

    static long userId(Jwt jwt) {
        if (jwt == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        return Long.parseLong(jwt.getSubject());
    }
}
