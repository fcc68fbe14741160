package io.livehall.fair.listing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.livehall.common.csv.CsvExport;
import io.livehall.common.paging.Page;
import io.livehall.fair.FairStaff;
import io.livehall.fair.listing.DirectoryViews.Directory;
import io.livehall.fair.listing.DirectoryViews.Entry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The quarterly 供需目录: organisers publish and list ({@code /api/organiser/**}: ORGANISER or ADMIN; others' fairs
 * 404); anyone reads a published one ({@code GET /api/fair-directories/**} needs no token; a closed-door fair's only
 * for those who see the fair) as pages, CSV or PDF.
 */
@RestController
@Tag(name = "供需目录 Fair directory", description = "主办方按季度发布供需目录快照；公开查看、CSV、PDF")
class DirectoryController {

    static final List<String> HEADER = List.of("序号", "供/需", "标题", "企业", "行业分类代码", "行业分类", "关键词", "地区", "数量",
            "最低金额(元)", "最高金额(元)", "有效期至", "描述");

    private final DirectoryService directories;

    DirectoryController(DirectoryService directories) {
        this.directories = directories;
    }

    @PostMapping("/api/organiser/fair-directories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布一期供需目录：某场对接会（fairId）或本人主办的全部已发布公开对接会（不填 fairId），"
            + "收录该季度内有效的已通过审核企业的供需信息，发布后不再随供需信息的修改而变化",
            security = @SecurityRequirement(name = "bearer"))
    Mono<Directory> publish(@Valid @RequestBody DirectoryRequest request, @AuthenticationPrincipal Jwt jwt) {
        return directories.publish(FairStaff.of(jwt), request);
    }

    @GetMapping("/api/organiser/fair-directories")
    @Operation(summary = "已发布的供需目录：某场对接会的（fairId），或本人发布的全部（最新在前）",
            security = @SecurityRequirement(name = "bearer"))
    Flux<Directory> list(@RequestParam(required = false) Long fairId, @AuthenticationPrincipal Jwt jwt) {
        return directories.list(FairStaff.of(jwt), fairId);
    }

    @GetMapping("/api/fair-directories/{id}")
    @Operation(summary = "一期供需目录（公开；闭门对接会的目录仅其可见者）")
    Mono<Directory> directory(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return directories.readable(id, staff(jwt));
    }

    @GetMapping("/api/fair-directories/{id}/entries")
    @Operation(summary = "供需目录的条目（按供给/需求、行业、企业排序；keyset 分页，每页至多 500 条）")
    Mono<Page<Entry>> entries(@PathVariable long id, @RequestParam(required = false) String after,
                              @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> directories.entries(id, staff(jwt), after, limit));
    }

    @GetMapping("/api/fair-directories/{id}/directory.csv")
    @Operation(summary = "导出供需目录（CSV，Excel 可直接打开）")
    Mono<ResponseEntity<Flux<String>>> csv(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return directories.readable(id, staff(jwt)).map(d -> CsvExport.response("供需目录-" + id + ".csv", HEADER,
                directories.all(id).map(DirectoryController::row)));
    }

    @GetMapping("/api/fair-directories/{id}/directory.pdf")
    @Operation(summary = "供需目录 PDF（A4，可打印）")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return directories.readable(id, staff(jwt)).flatMap(d -> directories.pdf(d).map(bytes -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .headers(h -> h.setContentDisposition(ContentDisposition.inline()
                        .filename("供需目录-" + id + ".pdf", StandardCharsets.UTF_8).build()))
                .body(bytes)));
    }

    static List<String> row(Entry e) {
        return List.of(Integer.toString(e.position() + 1), e.side() == io.livehall.fair.ListingSide.SUPPLY ? "供给" : "需求",
                e.title(), e.enterpriseName(), e.category(), e.categoryName(), String.join("、", e.keywords()), e.region(),
                CsvExport.text(e.quantity()), yuan(e.amountMinFen()), yuan(e.amountMaxFen()),
                CsvExport.time(e.validUntil()), e.description());
    }

    private static String yuan(Long fen) {
        return fen == null ? "" : new java.math.BigDecimal(fen).movePointLeft(2).toPlainString();
    }

    private static FairStaff staff(Jwt jwt) {
        return jwt == null ? null : FairStaff.of(jwt);
    }
}
