package io.livehall.showcase.merchant;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Merchants as organisers manage them (ORGANISER or ADMIN). */
@RestController
@RequestMapping("/api/organiser/merchants")
@Tag(name = "商家管理", description = "组织方查看入驻商家，暂停或恢复商家")
@SecurityRequirement(name = "bearer")
class MerchantAdminController {

    private final MerchantAdminService merchants;

    MerchantAdminController(MerchantAdminService merchants) {
        this.merchants = merchants;
    }

    @GetMapping
    @Operation(summary = "入驻商家列表（新的在前，可按状态筛选，keyset 分页）")
    Mono<Page<MerchantView>> list(@RequestParam(required = false) MerchantStatus status,
                                  @RequestParam(required = false) String after,
                                  @RequestParam(required = false) Integer limit) {
        return merchants.list(status, PageRequest.of(after, limit));
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "暂停（SUSPENDED）或恢复（ACTIVE）商家；暂停的商家不能上架和开播")
    Mono<MerchantView> setStatus(@PathVariable long id, @Valid @RequestBody MerchantStatusUpdate update) {
        return merchants.setStatus(id, update.status());
    }

    @PutMapping("/{id}/live-allowance")
    @Operation(summary = "设置商家可同时开播的直播场次（1-10，默认 1）")
    Mono<MerchantView> setLiveAllowance(@PathVariable long id, @Valid @RequestBody LiveAllowanceUpdate update) {
        return merchants.setLiveAllowance(id, update.liveAllowance());
    }
}
