package io.livehall.training.registration;

import java.nio.charset.StandardCharsets;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.training.TrainingStaff;
import io.livehall.training.registration.RegistrationViews.Row;
import io.livehall.training.registration.RegistrationViews.Settings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The organiser's registrations of a series; {@code /api/organiser/**} needs ORGANISER or ADMIN (SecurityConfig). */
@RestController
@RequestMapping("/api/organiser/training")
@Tag(name = "培训报名管理 Organiser registration", description = "主办方：报名设置、报名名单、审核、导出")
@SecurityRequirement(name = "bearer")
class OrganiserRegistrationController {

    private final RegistrationDecisions decisions;

    OrganiserRegistrationController(RegistrationDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/series/{id}/registration-settings")
    @Operation(summary = "系列的报名设置与各状态人数")
    Mono<Settings> settings(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return decisions.settings(TrainingStaff.of(jwt), id);
    }

    @PutMapping("/series/{id}/registration-settings")
    @Operation(summary = "修改报名设置（方式、名额、表单字段、提醒时间、截止时间）；增加名额后候补自动递补")
    Mono<Settings> saveSettings(@PathVariable long id, @Valid @RequestBody SettingsRequest request,
                                @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> decisions.saveSettings(TrainingStaff.of(jwt), id, request));
    }

    @GetMapping("/series/{id}/registrations")
    @Operation(summary = "报名名单（手机号脱敏；按状态筛选；先报先列，keyset 分页）")
    Mono<Page<Row>> list(@PathVariable long id, @RequestParam(required = false) String state,
                         @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                         @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> decisions.list(TrainingStaff.of(jwt), id, state(state), PageRequest.of(after, limit)));
    }

    @GetMapping(value = "/series/{id}/registrations.csv", produces = "text/csv")
    @Operation(summary = "导出报名名单 CSV（UTF-8 BOM，含完整手机号）")
    Mono<ResponseEntity<String>> export(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return decisions.export(TrainingStaff.of(jwt), id)
                .map(RegistrationCsv::line)
                .collect(() -> new StringBuilder(RegistrationCsv.BOM + RegistrationCsv.HEADER), StringBuilder::append)
                .map(csv -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore())
                        .headers(h -> h.setContentDisposition(ContentDisposition.attachment()
                                .filename("registrations-" + id + ".csv").build()))
                        .body(csv.toString()));
    }

    @PostMapping("/registrations/{id}/approve")
    @Operation(summary = "通过一条待审核的报名（报名人会收到通知）")
    Mono<Row> approve(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return decisions.approve(TrainingStaff.of(jwt), id);
    }

    @PostMapping("/registrations/{id}/reject")
    @Operation(summary = "不通过一条待审核的报名，并说明原因（报名人可见）")
    Mono<Row> reject(@PathVariable long id, @Valid @RequestBody RejectRequest request, @AuthenticationPrincipal Jwt jwt) {
        return decisions.reject(TrainingStaff.of(jwt), id, request.reason());
    }

    private static RegistrationState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return RegistrationState.valueOf(state.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("validation", "state 只能是 CONFIRMED、WAITLISTED、PENDING、REJECTED 或 CANCELLED");
        }
    }
}
