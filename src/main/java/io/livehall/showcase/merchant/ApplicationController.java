package io.livehall.showcase.merchant;

import java.util.List;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Enterprise users apply to a round and follow their applications (any logged-in user with an enterprise). */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "入驻申请", description = "企业提交入驻申请、查看进度、按要求补充后重新提交")
@SecurityRequirement(name = "bearer")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提交入驻申请（须关联企业；资质文件先经 POST /api/files 以 DOCUMENT 用途上传，须含营业执照）")
    Mono<ApplicationView> submit(@Valid @RequestBody ApplicationRequest request, @AuthenticationPrincipal Jwt jwt) {
        return applications.submit(userId(jwt), request);
    }

    @GetMapping("/mine")
    @Operation(summary = "本企业的入驻申请（含资质文件与状态历史，新的在前）")
    Mono<List<ApplicationView>> mine(@AuthenticationPrincipal Jwt jwt) {
        return applications.mine(userId(jwt));
    }

    @GetMapping("/{id}")
    @Operation(summary = "本企业的一份入驻申请")
    Mono<ApplicationView> one(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return applications.own(userId(jwt), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "按组织方要求修改并重新提交（仅“需补充材料”状态）")
    Mono<ApplicationView> revise(@PathVariable long id, @Valid @RequestBody ApplicationRequest request,
                                 @AuthenticationPrincipal Jwt jwt) {
        return applications.revise(userId(jwt), id, request);
    }

    private static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
