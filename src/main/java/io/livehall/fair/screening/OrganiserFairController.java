package io.livehall.fair.screening;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairStaff;
import io.livehall.fair.screening.FairViews.Card;
import io.livehall.fair.screening.FairViews.CreatedInvitation;
import io.livehall.fair.screening.FairViews.Detail;
import io.livehall.fair.screening.FairViews.Invitation;
import io.livehall.fair.screening.FairViews.KnownEnterprise;
import io.livehall.fair.screening.FairViews.Organiser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The organisers' fairs; {@code /api/organiser/**} needs ORGANISER or ADMIN (SecurityConfig). */
@RestController
@RequestMapping("/api/organiser/fairs")
@Tag(name = "对接会管理 Organiser fairs", description = "主办方：创建与编辑对接会、议程、协办主办方、发布与取消、邀请链接")
@SecurityRequirement(name = "bearer")
class OrganiserFairController {

    private final FairEditor editor;
    private final Invitations invitations;

    OrganiserFairController(FairEditor editor, Invitations invitations) {
        this.editor = editor;
        this.invitations = invitations;
    }

    @GetMapping
    @Operation(summary = "我创建或协办的对接会（管理员：全部；新建在前，keyset 分页）")
    Mono<Page<Card>> mine(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
                          @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> editor.mine(FairStaff.of(jwt), PageRequest.of(after, limit)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建对接会（草稿）：类型、时间、举办方式、公开或闭门、会场、地区、名额、简介、封面、议程")
    Mono<Detail> create(@Valid @RequestBody FairRequest request, @AuthenticationPrincipal Jwt jwt) {
        return editor.create(FairStaff.of(jwt), request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "我的一场对接会")
    Mono<Detail> detail(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return editor.detail(FairStaff.of(jwt), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改对接会（已取消的不能改；名额不能少于已通过的企业数）")
    Mono<Detail> edit(@PathVariable long id, @Valid @RequestBody FairRequest request, @AuthenticationPrincipal Jwt jwt) {
        return editor.edit(FairStaff.of(jwt), id, request);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布（草稿 → 已发布，开始接受报名）")
    Mono<Detail> publish(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return editor.publish(FairStaff.of(jwt), id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "取消对接会（已报名的企业会收到通知）")
    Mono<Detail> cancel(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return editor.cancel(FairStaff.of(jwt), id);
    }

    @PostMapping("/{id}/organisers")
    @Operation(summary = "按用户名添加协办主办方（需为主办方账号）")
    Mono<List<Organiser>> addOrganiser(@PathVariable long id, @Valid @RequestBody CoOrganiserRequest request,
                                       @AuthenticationPrincipal Jwt jwt) {
        return editor.addOrganiser(FairStaff.of(jwt), id, request.username());
    }

    @DeleteMapping("/{id}/organisers/{userId}")
    @Operation(summary = "移除协办主办方")
    Mono<List<Organiser>> removeOrganiser(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal Jwt jwt) {
        return editor.removeOrganiser(FairStaff.of(jwt), id, userId);
    }

    @GetMapping("/{id}/invitations")
    @Operation(summary = "邀请链接（不含令牌；令牌只在创建时给出一次）")
    Mono<List<Invitation>> invitations(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return invitations.list(FairStaff.of(jwt), id);
    }

    @PostMapping("/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建邀请链接（邀请对象、可用次数）；返回的链接请立即复制发给受邀企业")
    Mono<CreatedInvitation> invite(@PathVariable long id, @Valid @RequestBody InvitationRequest request,
                                   @AuthenticationPrincipal Jwt jwt) {
        return invitations.create(FairStaff.of(jwt), id, request);
    }

    @PostMapping("/{id}/invitations/named")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "邀请指定企业：已知企业（enterpriseId）或企业名称加联系电话/邮箱；链接仅可使用一次，有效期 validDays 天（默认 14）；令牌只在此返回一次")
    Mono<CreatedInvitation> inviteNamed(@PathVariable long id, @Valid @RequestBody NamedInvitationRequest request,
                                        @AuthenticationPrincipal Jwt jwt) {
        return invitations.createNamed(FairStaff.of(jwt), id, request);
    }

    @GetMapping("/{id}/invitations/enterprises")
    @Operation(summary = "可邀请的已知企业：报名过本主办方任一对接会、名称包含 q 的企业（最多 20 家）")
    Mono<List<KnownEnterprise>> knownEnterprises(@PathVariable long id, @RequestParam String q,
                                                 @AuthenticationPrincipal Jwt jwt) {
        String text = Params.text("q", q, 50);
        if (text == null) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请输入企业名称中的字",
                    List.of(new FieldProblem("q", "请输入企业名称中的字"))));
        }
        return invitations.known(FairStaff.of(jwt), id, text).collectList();
    }

    @DeleteMapping("/{id}/invitations/{invitationId}")
    @Operation(summary = "撤销邀请链接（已用它报名的企业不受影响）")
    Mono<List<Invitation>> revoke(@PathVariable long id, @PathVariable long invitationId, @AuthenticationPrincipal Jwt jwt) {
        return invitations.revoke(FairStaff.of(jwt), id, invitationId);
    }
}
