package io.livehall.training.registration;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.training.registration.RegistrationViews.Mine;
import io.livehall.training.registration.RegistrationViews.Status;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A person's registration for a training series, the calendar files and the materials registrants may download.
 * GETs under {@code /api/training} are open to guests (SecurityConfig): the form and the calendar files are public, the
 * rest answers 401 without a login.
 */
@RestController
@RequestMapping("/api/training")
@Tag(name = "培训报名 Training registration", description = "报名、取消、我的报名、日历文件、课程资料")
class RegistrationController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final RegistrationService service;
    private final TrainingCalendar calendar;
    private final TrainingMaterials materials;

    RegistrationController(RegistrationService service, TrainingCalendar calendar, TrainingMaterials materials) {
        this.service = service;
        this.calendar = calendar;
        this.materials = materials;
    }

    @GetMapping("/series/{id}/registration")
    @Operation(summary = "系列的报名表单与名额；已登录时附上我的报名")
    Mono<Status> status(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.status(id, jwt == null ? null : userId(jwt));
    }

    @GetMapping("/sessions/{id}/registration")
    @Operation(summary = "课程所属系列的报名表单与我的报名")
    Mono<Status> statusOfSession(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.statusOfSession(id, jwt == null ? null : userId(jwt));
    }

    @PostMapping("/series/{id}/registration")
    @Operation(summary = "报名（开放：直接确认；限额：满额后候补；审核：待主办方审核）；重复提交不改变已有报名")
    Mono<Status> register(@PathVariable long id, @Valid @RequestBody(required = false) RegisterRequest request,
                          @AuthenticationPrincipal Jwt jwt) {
        return service.register(userId(jwt), id, request);
    }

    @DeleteMapping("/series/{id}/registration")
    @Operation(summary = "取消报名（已确认的名额空出后，候补第一位自动递补）")
    Mono<Status> cancel(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.cancel(userId(jwt), id);
    }

    @GetMapping("/registrations/mine")
    @Operation(summary = "我的报名（新的在前，keyset 分页）")
    Mono<Page<Mine>> mine(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                          @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> service.mine(userId(jwt), PageRequest.of(after, limit)));
    }

    @GetMapping(value = "/sessions/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "一节课程的日历文件（iCalendar，北京时间）")
    Mono<ResponseEntity<String>> sessionCalendar(@PathVariable long id, ServerHttpRequest request) {
        return calendar.ofSession(id, site(request)).map(ics -> file(ics, "training-session-" + id + ".ics"));
    }

    @GetMapping(value = "/series/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "一个系列全部课程的日历文件（iCalendar，北京时间）")
    Mono<ResponseEntity<String>> seriesCalendar(@PathVariable long id, ServerHttpRequest request) {
        return calendar.ofSeries(id, site(request)).map(ics -> file(ics, "training-series-" + id + ".ics"));
    }

    @GetMapping("/sessions/{id}/materials/{fileId}")
    @Operation(summary = "下载课程资料（本系列已确认报名者与主办方）")
    Mono<ResponseEntity<byte[]>> material(@PathVariable long id, @PathVariable long fileId, @AuthenticationPrincipal Jwt jwt) {
        if (jwt == null) {
            return Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录"));
        }
        return materials.download(jwt, id, fileId);
    }

    private static ResponseEntity<String> file(String ics, String name) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .headers(h -> h.setContentDisposition(ContentDisposition.attachment().filename(name).build()))
                .body(ics);
    }

    private static URI site(ServerHttpRequest request) {
        URI uri = request.getURI();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
    }

    private static long userId(Jwt jwt) {
        if (jwt == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        return Long.parseLong(jwt.getSubject());
    }
}
