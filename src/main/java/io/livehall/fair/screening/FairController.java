package io.livehall.fair.screening;

import java.time.Clock;
import java.util.List;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.screening.FairViews.Card;
import io.livehall.fair.screening.FairViews.Detail;
import io.livehall.fair.screening.FairViews.Entry;
import io.livehall.fair.screening.FairViews.Invited;
import io.livehall.fair.screening.FairViews.Participation;
import io.livehall.fair.screening.FairViews.Registration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Fairs as enterprises see them: the public list and a fair's home page (open to guests: SecurityConfig permits GET
 * {@code /api/fairs} and {@code /api/fairs/*}), an invitation link, the enterprise's registration, the directory.
 */
@RestController
@Tag(name = "对接会 Fairs", description = "对接会列表与主页、邀请链接、企业报名（摸底问卷）、参会企业名录")
class FairController {

    private final Fairs fairs;
    private final FairQueries queries;
    private final FairPages pages;
    private final Invitations invitations;
    private final Registrations registrations;
    private final Directory directory;
    private final Clock clock;

    FairController(Fairs fairs, FairQueries queries, FairPages pages, Invitations invitations,
                   Registrations registrations, Directory directory, Clock clock) {
        this.fairs = fairs;
        this.queries = queries;
        this.pages = pages;
        this.invitations = invitations;
        this.registrations = registrations;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/api/fairs")
    @Operation(summary = "公开的对接会（when=upcoming 未结束，开始早的在前；past 已结束，近的在前；按类型、地区前缀筛选；keyset 分页）")
    Mono<Page<Card>> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                          @RequestParam(required = false) String when, @RequestParam(required = false) String after,
                          @RequestParam(required = false) Integer limit) {
        return Mono.defer(() -> {
            FairKind k = Params.choice("kind", kind, FairKind.class, "kind 只能是 PROCUREMENT、ROADSHOW、CHAIN 或 CLOUD_EXPO");
            String r = Params.text("region", region, 60);
            boolean past = Params.choice("when", when, When.class, "when 只能是 upcoming 或 past") == When.past;
            FairCursor cursor = FairCursor.parse(after);
            PageRequest page = PageRequest.of(null, limit);
            return queries.published(past, k, r, cursor, clock.instant(), page.limit()).collectList()
                    .map(rows -> Page.of(rows, page.limit(), c -> FairCursor.of(c).encode()));
        });
    }

    /** The values of {@code when}. */
    enum When { upcoming, past }

    @GetMapping("/api/fairs/mine")
    @Operation(summary = "我的企业报名的对接会（含审核状态）")
    Mono<List<Participation>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> registrations.mine(Params.userId(jwt)).collectList());
    }

    @GetMapping("/api/fairs/{id}")
    @Operation(summary = "对接会主页：议程、主办方、报名人数、我的报名；闭门对接会仅主办方与已报名企业可见")
    Mono<Detail> detail(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        FairStaff who = jwt == null ? null : FairStaff.of(jwt);
        return fairs.visibleTo(id, who)
                .flatMap(fair -> who == null ? Mono.just(false) : fairs.runs(who, id))
                .flatMap(runs -> pages.detail(id, who == null ? null : who.userId(), runs));
    }

    @GetMapping("/api/fair-invitations/{token}")
    @Operation(summary = "邀请链接对应的对接会（链接已撤销、用完或对接会已结束时 404）")
    Mono<Invited> invitation(@PathVariable String token) {
        return invitations.resolve(token);
    }

    @GetMapping("/api/fairs/{id}/registration")
    @Operation(summary = "我的企业在本场对接会的报名与审核记录；invite 为邀请链接的令牌")
    Mono<Registration> registration(@PathVariable long id, @RequestParam(required = false) String invite,
                                    @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> registrations.status(id, Params.userId(jwt), Params.text("invite", invite, 64)));
    }

    @PostMapping("/api/fairs/{id}/registration")
    @Operation(summary = "企业报名（填写摸底问卷）；闭门对接会需邀请链接的令牌；撤回后可重新报名")
    Mono<Registration> register(@PathVariable long id, @Valid @RequestBody RegistrationRequest request,
                                @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> registrations.register(id, Params.userId(jwt), request));
    }

    @PutMapping("/api/fairs/{id}/registration")
    @Operation(summary = "修改待审核的报名，或补充主办方要求的资料（补充后回到待审核）")
    Mono<Registration> update(@PathVariable long id, @Valid @RequestBody RegistrationRequest request,
                              @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> registrations.update(id, Params.userId(jwt), request));
    }

    @DeleteMapping("/api/fairs/{id}/registration")
    @Operation(summary = "撤回报名（待审核、待补充或已通过的报名）")
    Mono<Registration> withdraw(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> registrations.withdraw(id, Params.userId(jwt)));
    }

    @GetMapping("/api/fairs/{id}/participants")
    @Operation(summary = "参会企业名录：仅已通过审核的企业，仅对已通过的参会企业与主办方可见；联系人与电话脱敏")
    Mono<Page<Entry>> participants(@PathVariable long id, @RequestParam(required = false) String role,
                                   @RequestParam(required = false) String q, @RequestParam(required = false) String after,
                                   @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> {
            Params.userId(jwt);
            ParticipantRole r = Params.choice("role", role, ParticipantRole.class,
                    "role 只能是 SUPPLIER、BUYER、BOTH、PROJECT 或 INVESTOR");
            return directory.list(FairStaff.of(jwt), id, r, Params.text("q", q, 50), PageRequest.of(after, limit));
        });
    }
}
