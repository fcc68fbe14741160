package io.livehall.identity;

import java.util.List;

import io.livehall.common.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/me")
@Tag(name = "个人中心 Profile", description = "资料、修改密码、所属企业（登记或申请加入，由企业首个账号审核）")
class ProfileController {

    private final ProfileService profiles;
    private final ClientAddress clientAddress;

    ProfileController(ProfileService profiles, ClientAddress clientAddress) {
        this.profiles = profiles;
        this.clientAddress = clientAddress;
    }

    @PatchMapping
    @Operation(summary = "修改姓名（昵称）和手机号（留空则清除）", security = @SecurityRequirement(name = "bearer"))
    Mono<UserView> update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ProfileUpdate update) {
        return profiles.updateProfile(userId(jwt), update);
    }

    @PostMapping("/password")
    @Operation(summary = "修改密码：需当前密码；其他登录会话全部失效，返回本页使用的新令牌",
            security = @SecurityRequirement(name = "bearer"))
    Mono<LoginResult> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange change,
                                     ServerHttpRequest http) {
        return profiles.changePassword(userId(jwt), change, clientAddress.of(http));
    }

    @PostMapping("/enterprise")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "个人账号登记所属企业（新企业，校验统一社会信用代码）；已注册的企业返回 409 enterprise-exists，请改为申请加入",
            security = @SecurityRequirement(name = "bearer"))
    Mono<UserView> addEnterprise(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody EnterpriseRequest request) {
        return profiles.addEnterprise(userId(jwt), request);
    }

    @PostMapping("/enterprise-join-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请加入已注册的企业（由该企业首个账号审核）", security = @SecurityRequirement(name = "bearer"))
    Mono<JoinRequest> requestToJoin(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody JoinRequestCreate request) {
        return profiles.requestToJoin(userId(jwt), request.creditCode());
    }

    @GetMapping("/enterprise-join-requests")
    @Operation(summary = "我的加入企业申请（最近 20 条）", security = @SecurityRequirement(name = "bearer"))
    Mono<List<JoinRequest>> myRequests(@AuthenticationPrincipal Jwt jwt) {
        return profiles.myRequests(userId(jwt));
    }

    @DeleteMapping("/enterprise-join-requests/{id}")
    @Operation(summary = "撤回自己待审核的加入申请", security = @SecurityRequirement(name = "bearer"))
    Mono<JoinRequest> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return profiles.cancel(userId(jwt), id);
    }

    @GetMapping("/enterprise/join-requests")
    @Operation(summary = "待我审核的加入申请（仅企业首个账号，approver=true 时）", security = @SecurityRequirement(name = "bearer"))
    Mono<ProfileService.JoinReview> review(@AuthenticationPrincipal Jwt jwt) {
        return profiles.review(userId(jwt));
    }

    @PostMapping("/enterprise/join-requests/{id}/approve")
    @Operation(summary = "通过加入申请（申请人加入本企业）", security = @SecurityRequirement(name = "bearer"))
    Mono<JoinRequest> approve(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return profiles.decide(userId(jwt), id, true);
    }

    @PostMapping("/enterprise/join-requests/{id}/reject")
    @Operation(summary = "拒绝加入申请", security = @SecurityRequirement(name = "bearer"))
    Mono<JoinRequest> reject(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return profiles.decide(userId(jwt), id, false);
    }

    private static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
