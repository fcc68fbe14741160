package io.livehall.training.attendance;

import java.nio.charset.StandardCharsets;

import io.livehall.training.attendance.AttendanceViews.Mine;
import io.livehall.training.attendance.AttendanceViews.Verified;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** An attendee's own attendance and certificate ({@code /api/me/**}: logged in), and public certificate verification. */
@RestController
@Tag(name = "培训考勤 Training attendance", description = "学员：我的观看记录与结业证书；公开：证书验证")
class AttendanceController {

    private final AttendanceService attendance;
    private final Certificates certificates;

    AttendanceController(AttendanceService attendance, Certificates certificates) {
        this.attendance = attendance;
        this.certificates = certificates;
    }

    @GetMapping("/api/me/training/sessions/{id}/attendance")
    @Operation(summary = "我在一节课程的观看记录：进出时间、直播与回看时长、签到、证书")
    @SecurityRequirement(name = "bearer")
    Mono<Mine> mine(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return attendance.mine(Long.parseLong(jwt.getSubject()), id);
    }

    @GetMapping(value = "/api/me/training/sessions/{id}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "下载我的结业证书（PDF，首次下载时颁发；未达标或课程未结束时 409）")
    @SecurityRequirement(name = "bearer")
    Mono<ResponseEntity<byte[]>> certificate(@PathVariable long id, @AuthenticationPrincipal Jwt jwt,
                                             ServerHttpRequest request) {
        String base = UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).build().toUriString();
        return certificates.download(Long.parseLong(jwt.getSubject()), id, base).map(c -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_PDF);
            headers.setContentDisposition(ContentDisposition.attachment().filename(c.filename(), StandardCharsets.UTF_8).build());
            headers.setCacheControl("no-store");
            return ResponseEntity.ok().headers(headers).body(c.pdf());
        });
    }

    @GetMapping("/api/training/certificates/{code}")
    @Operation(summary = "验证结业证书（公开）：持证人、课程、观看时长、发证日期")
    Mono<Verified> verify(@PathVariable String code) {
        return certificates.verify(code);
    }
}
