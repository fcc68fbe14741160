package io.livehall.showcase.catalogue;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
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

/** A merchant's product management; {@code /api/merchant/**} needs the MERCHANT role (see SecurityConfig). */
@RestController
@RequestMapping("/api/merchant/products")
@Tag(name = "商家商品管理", description = "商家：创建、编辑、上架、下架自己的商品")
@SecurityRequirement(name = "bearer")
class MerchantProductController {

    private final MerchantProductService service;

    MerchantProductController(MerchantProductService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "本商家的商品（新建在前，可按状态筛选，keyset 分页）")
    Mono<Page<ProductView>> list(@RequestParam(required = false) ProductStatus status,
                                 @RequestParam(required = false) String after,
                                 @RequestParam(required = false) Integer limit,
                                 @AuthenticationPrincipal Jwt jwt) {
        return service.list(userId(jwt), status, PageRequest.of(after, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "本商家的一件商品（含草稿）")
    Mono<ProductView> get(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.get(userId(jwt), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建商品（草稿）")
    Mono<ProductView> create(@Valid @RequestBody ProductRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.create(userId(jwt), request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改商品（须带上所编辑的 version；已被他人或订单改过则 409）")
    Mono<ProductView> update(@PathVariable long id,
                             @Validated(ProductRequest.OnUpdate.class) @RequestBody ProductRequest request,
                             @AuthenticationPrincipal Jwt jwt) {
        return service.update(userId(jwt), id, request);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "上架（须已签署最新协议，且至少一张图片）")
    Mono<ProductView> publish(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.publish(userId(jwt), id);
    }

    @PostMapping("/{id}/off-shelf")
    @Operation(summary = "下架")
    Mono<ProductView> takeOffShelf(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.takeOffShelf(userId(jwt), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除草稿（上架过的商品不能删除）")
    Mono<Void> delete(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return service.delete(userId(jwt), id);
    }

    private static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
