package io.livehall.showcase.catalogue;

import java.util.HashSet;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.merchant.MerchantRef;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A merchant's own products. A user acts for the merchant of its enterprise and sees only that merchant's
 * products (another merchant's product answers 404). Drafts may be kept by any active merchant; publishing
 * needs a trading merchant (agreements accepted). Each change commits, then evicts the cached pages.
 */
@Service
class MerchantProductService {

    private final MerchantAccess access;
    private final ProductRepository products;
    private final CatalogueEvictions evictions;
    private final TransactionalOperator tx;

    MerchantProductService(MerchantAccess access, ProductRepository products, CatalogueEvictions evictions,
                           TransactionalOperator tx) {
        this.access = access;
        this.products = products;
        this.evictions = evictions;
        this.tx = tx;
    }

    Mono<Page<ProductView>> list(long userId, ProductStatus status, PageRequest page) {
        return merchant(userId)
                .flatMap(m -> products.listOfMerchant(m.id(), status, page).collectList())
                .map(rows -> Page.of(rows, page.limit(), p -> Long.toString(p.id())));
    }

    Mono<ProductView> get(long userId, long id) {
        return merchant(userId).flatMap(m -> find(id, m));
    }

    /** A new draft. */
    Mono<ProductView> create(long userId, ProductRequest request) {
        return activeMerchant(userId).flatMap(m -> checkImages(userId, null, request.imageList())
                .then(tx.transactional(products.insert(m.id(), request)
                        .flatMap(id -> products.replaceImages(id, request.imageList()).thenReturn(id))))
                .flatMap(id -> find(id, m)));
    }

    /** Replaces the product's fields and images if the merchant edited the current version. */
    Mono<ProductView> update(long userId, long id, ProductRequest request) {
        return activeMerchant(userId).flatMap(m -> checkImages(userId, id, request.imageList())
                .then(tx.transactional(products.update(id, m.id(), request)
                        .flatMap(rows -> rows == 1 ? products.replaceImages(id, request.imageList())
                                : find(id, m).flatMap(p -> Mono.error(versionConflict(request.version(), p.version()))))))
                .then(evictions.changed(id, true))
                .then(find(id, m)));
    }

    /** DRAFT or OFF_SHELF → ON_SALE; needs a trading merchant and at least one image. Repeating it is harmless. */
    Mono<ProductView> publish(long userId, long id) {
        return access.requireTrading(userId).flatMap(m -> products
                .changeStatus(id, m.id(), List.copyOf(ProductStatus.PUBLISHABLE), ProductStatus.ON_SALE)
                .flatMap(rows -> rows == 1 ? evictions.changed(id, true).then(find(id, m))
                        : find(id, m).flatMap(p -> p.status() == ProductStatus.ON_SALE ? Mono.just(p)
                                : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "images-required", "上架前请至少上传一张商品图片",
                                        List.of(new FieldProblem("imageIds", "上架前请至少上传一张商品图片")))))));
    }

    /** ON_SALE → OFF_SHELF; allowed to any merchant, even one that may no longer trade. Repeating it is harmless. */
    Mono<ProductView> takeOffShelf(long userId, long id) {
        return merchant(userId).flatMap(m -> products
                .changeStatus(id, m.id(), List.of(ProductStatus.ON_SALE), ProductStatus.OFF_SHELF)
                .flatMap(rows -> rows == 1 ? evictions.changed(id, true).then(find(id, m))
                        : find(id, m).flatMap(p -> p.status() == ProductStatus.OFF_SHELF ? Mono.just(p)
                                : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "not-on-sale", "草稿商品尚未上架，无需下架")))));
    }

    /** Deletes a draft; a product that was ever on sale stays (take it off the shelf instead). */
    Mono<Void> delete(long userId, long id) {
        return activeMerchant(userId).flatMap(m -> products.deleteDraft(id, m.id())
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ApiProblem(HttpStatus.CONFLICT, "product-in-use", "商品已被直播场次等引用，不能删除"))
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                        : find(id, m).then(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "product-was-on-sale",
                                "商品上架过，不能删除，可以下架")))));
    }

    private Mono<ProductView> find(long id, MerchantRef merchant) {
        return products.findOfMerchant(id, merchant.id()).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("商品")));
    }

    private Mono<Void> checkImages(long userId, Long productId, List<Long> imageIds) {
        if (imageIds.isEmpty()) {
            return Mono.empty();
        }
        if (new HashSet<>(imageIds).size() != imageIds.size()) {
            return Mono.error(invalidImages("图片不能重复"));
        }
        return products.countUsableImages(userId, productId, imageIds)
                .flatMap(n -> n == imageIds.size() ? Mono.<Void>empty()
                        : Mono.error(invalidImages("图片不存在，或不是您上传的图片")));
    }

    private Mono<MerchantRef> merchant(long userId) {
        return access.merchantOf(userId).switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN,
                "not-a-merchant", "您所在的企业还不是入驻商家")));
    }

    private Mono<MerchantRef> activeMerchant(long userId) {
        return merchant(userId).flatMap(m -> m.active() ? Mono.just(m)
                : Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "merchant-suspended", "商家已被暂停")));
    }

    private static ApiProblem invalidImages(String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                List.of(new FieldProblem("imageIds", message)));
    }

    private static ApiProblem versionConflict(int edited, int current) {
        ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "version-conflict",
                "商品已被修改（可能有新订单扣减了库存），请刷新后再保存");
        problem.getBody().setProperty("editedVersion", edited);
        problem.getBody().setProperty("currentVersion", current);
        return problem;
    }
}
