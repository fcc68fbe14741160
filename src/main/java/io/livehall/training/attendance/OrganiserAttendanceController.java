package io.livehall.training.attendance;

import java.util.List;

import io.livehall.common.csv.CsvExport;
import io.livehall.training.TrainingStaff;
import io.livehall.training.attendance.AttendanceViews.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organiser's attendance of their sessions ({@code /api/organiser/**}: ORGANISER or ADMIN; others' ids 404). */
@RestController
@RequestMapping("/api/organiser/training")
@Tag(name = "培训考勤 Training attendance", description = "主办方：课程考勤、观看时长、签到率、导出、结业证书规则")
@SecurityRequirement(name = "bearer")
class OrganiserAttendanceController {

    private static final List<String> HEADER = List.of("用户ID", "姓名", "首次进入", "最后离开", "进出次数", "直播观看(分钟)",
            "回看(分钟)", "已签到", "提问数", "可获证书");

    private final AttendanceService attendance;
    private final CertificateRules rules;

    OrganiserAttendanceController(AttendanceService attendance, CertificateRules rules) {
        this.attendance = attendance;
        this.rules = rules;
    }

    @GetMapping("/sessions/{id}/attendance")
    @Operation(summary = "一节课程的考勤：报名、到课、峰值、独立观众、观看时长、签到率、提问数、每位学员的进出与时长")
    Mono<Report> report(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return attendance.report(TrainingStaff.of(jwt), id);
    }

    @GetMapping("/sessions/{id}/attendance.csv")
    @Operation(summary = "导出一节课程的考勤（CSV，Excel 可直接打开）")
    Mono<ResponseEntity<Flux<String>>> csv(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return attendance.report(TrainingStaff.of(jwt), id).map(r -> CsvExport.response("考勤-" + id + ".csv", HEADER,
                Flux.fromIterable(r.attendees()).map(a -> List.of(Long.toString(a.userId()), a.name(),
                        CsvExport.time(a.firstJoin()), CsvExport.time(a.lastLeave()), Integer.toString(a.stays()),
                        minutes(a.liveSeconds()), minutes(a.replaySeconds()), a.checkedIn() ? "是" : "否",
                        Long.toString(a.questions()), a.eligible() ? "是" : "否"))));
    }

    @GetMapping("/series/{id}/certificate-rule")
    @Operation(summary = "系列的结业证书规则（未设置时：课程计划时长的一半，仅计直播）")
    Mono<CertificateRules.RuleView> rule(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return rules.rule(TrainingStaff.of(jwt), id);
    }

    @PutMapping("/series/{id}/certificate-rule")
    @Operation(summary = "设置系列的结业证书规则：最少观看分钟数、是否计入回看")
    Mono<CertificateRules.RuleView> saveRule(@PathVariable long id, @Valid @RequestBody CertificateRules.RuleRequest request,
                                             @AuthenticationPrincipal Jwt jwt) {
        return rules.save(TrainingStaff.of(jwt), id, request);
    }

    /** Minutes with one decimal, as the report shows them. */
    static String minutes(long seconds) {
        return "%d.%d".formatted(seconds / 60, (seconds % 60) / 6);
    }
}
