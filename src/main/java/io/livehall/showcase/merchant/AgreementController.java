package io.livehall.showcase.merchant;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Agreements: public current versions, organisers publish, merchants accept; the merchant's own profile. */
@RestController
@Tag(name = "入驻协议", description = "进场协议与质量服务承诺：查看当前版本、发布新版本、商家确认")
class AgreementController {

    private final AgreementService agreements;

    AgreementController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/api/agreements/current")
    @Operation(summary = "当前版本的进场协议与质量服务承诺（公开）")
    Flux<AgreementView> current() {
        return agreements.current();
    }

    @GetMapping("/api/organiser/agreements")
    @Operation(summary = "全部协议版本（组织方）", security = @SecurityRequirement(name = "bearer"))
    Flux<AgreementView> all() {
        return agreements.all();
    }

    @PostMapping("/api/organiser/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布协议新版本（版本号自动加一，文本摘要由服务端计算；所有商家需重新确认）",
            security = @SecurityRequirement(name = "bearer"))
    Mono<AgreementView> publish(@Valid @RequestBody PublishAgreementRequest request, @AuthenticationPrincipal Jwt jwt) {
        return agreements.publish(Long.parseLong(jwt.getSubject()), request);
    }

    @PostMapping("/api/merchant/agreements/{id}/accept")
    @Operation(summary = "商家确认某一版本（须为该类协议的最新版本，且文本摘要一致）",
            security = @SecurityRequirement(name = "bearer"))
    Mono<MerchantProfile> accept(@PathVariable long id, @Valid @RequestBody AcceptAgreementRequest request,
                                 @AuthenticationPrincipal Jwt jwt) {
        return agreements.accept(Long.parseLong(jwt.getSubject()), id, request.textSha256());
    }

    @GetMapping("/api/merchant/profile")
    @Operation(summary = "当前商家：状态、各协议是否已确认、能否经营", security = @SecurityRequirement(name = "bearer"))
    Mono<MerchantProfile> profile(@AuthenticationPrincipal Jwt jwt) {
        return agreements.profile(Long.parseLong(jwt.getSubject()));
    }
}
