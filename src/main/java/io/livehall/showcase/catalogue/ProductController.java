package io.livehall.showcase.catalogue;

import io.livehall.showcase.ProductCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public hall (展厅): anyone may browse. Answers come from the Redis cache when they can and carry a
 * strong ETag with {@code Cache-Control: no-cache}: clients revalidate every time and get 304 while nothing
 * changed (Spring answers {@code If-None-Match} for ResponseEntity results).
 */
@RestController
@RequestMapping("/api/products")
@Tag(name = "展厅商品", description = "公开浏览：在售商品列表（筛选、搜索、keyset 分页）与商品详情")
class ProductController {

    static final String CACHE_HEADER = "X-Catalogue-Cache";

    private final PublicCatalogue catalogue;

    ProductController(PublicCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "在售商品列表（sort：newest 新上架在前（默认）、price_asc / price_desc 按价格、sales 按销量；按品类、产地、渠道、商家、价格区间（分）筛选，q 中文、拼音或拼音首字母搜索；keyset 分页，after 传上一页的 next）")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductCardPage.class)))
    Mono<ResponseEntity<byte[]>> list(@RequestParam(required = false) ProductCategory category,
                                      @RequestParam(required = false) String region,
                                      @RequestParam(required = false) SalesChannel channel,
                                      @RequestParam(required = false) Long merchantId,
                                      @RequestParam(required = false) Long minPrice,
                                      @RequestParam(required = false) Long maxPrice,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) String sort,
                                      @RequestParam(required = false) String after,
                                      @RequestParam(required = false) Integer limit) {
        return Mono.fromCallable(() -> ProductQuery.of(category, region, channel, merchantId, minPrice, maxPrice, q,
                        sort, after, limit))
                .flatMap(catalogue::list)
                .map(ProductController::answer);
    }

    @GetMapping("/{id}")
    @Operation(summary = "商品详情（在售或已下架；含商家名称与图片地址）")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductView.class)))
    Mono<ResponseEntity<byte[]>> product(@PathVariable long id) {
        return catalogue.product(id).map(ProductController::answer);
    }

    static ResponseEntity<byte[]> answer(CachedJson json) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(json.etag())
                .cacheControl(CacheControl.noCache())
                .header(CACHE_HEADER, json.hit() ? "hit" : "miss")
                .body(json.body());
    }

    /** The list's shape, for the API docs. */
    record ProductCardPage(java.util.List<ProductCard> items, String next) {
    }
}
