package io.livehall.identity;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.common.text.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** User administration; the whole {@code /api/admin/**} tree is ADMIN-only (see SecurityConfig). */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "用户管理 Admin", description = "管理员：用户列表、角色、登录锁定与临时密码")
@SecurityRequirement(name = "bearer")
class AdminUserController {

    private final AccountService accounts;
    private final LoginService logins;

    AdminUserController(AccountService accounts, LoginService logins) {
        this.accounts = accounts;
        this.logins = logins;
    }

    @GetMapping
    @Operation(summary = "用户列表（新注册在前，keyset 分页，q 按用户名或姓名搜索）")
    Mono<Page<UserView>> list(@RequestParam(required = false) @PlainText String q,
                              @RequestParam(required = false) String after,
                              @RequestParam(required = false) Integer limit) {
        return accounts.list(q, PageRequest.of(after, limit));
    }

    @PutMapping("/{id}/roles")
    @Operation(summary = "设置用户角色；该用户的旧令牌立即失效")
    Mono<UserView> changeRoles(@PathVariable long id, @Valid @RequestBody RolesUpdate update) {
        return accounts.changeRoles(id, update.roles());
    }

    @PostMapping("/{id}/temporary-password")
    @Operation(summary = "为忘记密码的用户设置临时密码（只显示这一次，请当面或电话告知）；该用户的旧令牌立即失效，登录锁定一并解除")
    Mono<TemporaryPassword> temporaryPassword(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return accounts.setTemporaryPassword(Long.parseLong(jwt.getSubject()), id)
                .flatMap(password -> logins.unlock(id).thenReturn(password));
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "解除登录锁定：清除该用户名在所有地址的登录失败计数")
    Mono<LoginUnlockResult> unlock(@PathVariable long id) {
        return logins.unlock(id);
    }
}
