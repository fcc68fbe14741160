package io.livehall.identity;

import io.livehall.common.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api")
@Tag(name = "身份 Identity", description = "注册、登录、退出、当前用户")
class AuthController {

    private final AccountService accounts;
    private final LoginService logins;
    private final ClientAddress clientAddress;

    AuthController(AccountService accounts, LoginService logins, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.logins = logins;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "注册观众账号（可同时登记所属企业）")
    Mono<UserView> register(@Valid @RequestBody RegisterRequest request) {
        return accounts.register(request);
    }

    @PostMapping("/auth/login")
    @Operation(summary = "用户名密码登录，返回 Bearer 访问令牌；密码错误时 401 带 remainingAttempts，锁定时 429 带 Retry-After")
    Mono<LoginResult> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http) {
        return logins.login(request, clientAddress.of(http));
    }

    @PostMapping("/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "退出登录：当前令牌立即失效", security = @SecurityRequirement(name = "bearer"))
    Mono<Void> logout(@AuthenticationPrincipal Jwt jwt) {
        return logins.logout(jwt);
    }

    @GetMapping("/me")
    @Operation(summary = "当前登录用户", security = @SecurityRequirement(name = "bearer"))
    Mono<UserView> me(@AuthenticationPrincipal Jwt jwt) {
        return accounts.findById(Long.parseLong(jwt.getSubject()));
    }
}
