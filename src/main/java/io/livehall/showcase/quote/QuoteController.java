package io.livehall.showcase.quote;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.showcase.order.Order;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Quotes (集团客户采购): the buyer asks, accepts or declines; the merchant answers. */
@RestController
@Tag(name = "集团客户采购 Quotes", description = "企业询价、商家报价、接受报价生成订单")
@SecurityRequirement(name = "bearer")
class QuoteController {

    private final QuoteService quotes;

    QuoteController(QuoteService quotes) {
        this.quotes = quotes;
    }

    @PostMapping("/api/quotes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "企业用户向商家询价（商品、数量、备注）")
    Mono<Quote> ask(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody QuoteRequests.Ask body) {
        return quotes.ask(userId(jwt), body);
    }

    @GetMapping("/api/quotes")
    @Operation(summary = "我的询价（新的在前，keyset 分页）")
    Mono<Page<Quote>> mine(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        return quotes.ofBuyer(userId(jwt), status, PageRequest.of(after, limit));
    }

    @GetMapping("/api/quotes/{id}")
    @Operation(summary = "询价详情")
    Mono<Quote> get(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return quotes.ofBuyer(userId(jwt), id);
    }

    @PostMapping("/api/quotes/{id}/accept")
    @Operation(summary = "接受报价并按报价下单（必须带 Idempotency-Key）")
    Mono<ResponseEntity<Order>> accept(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                       @Valid @RequestBody QuoteRequests.Accept body) {
        if (key == null || key.isBlank() || key.length() > 100) {
            String message = "请求头 Idempotency-Key 必填（1-100 个字符）";
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message,
                    java.util.List.of(new FieldProblem("Idempotency-Key", message))));
        }
        String name = jwt.getClaimAsString("name");
        return quotes.accept(userId(jwt), name == null ? "用户" : name, id, key, body.recipient())
                .map(placed -> ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.order()));
    }

    @PostMapping("/api/quotes/{id}/decline")
    @Operation(summary = "拒绝报价")
    Mono<Quote> decline(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return quotes.decline(userId(jwt), id);
    }

    @PostMapping("/api/quotes/{id}/withdraw")
    @Operation(summary = "撤回尚未报价的询价")
    Mono<Quote> withdraw(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return quotes.withdraw(userId(jwt), id);
    }

    @GetMapping("/api/merchant/quotes")
    @Operation(summary = "商家收到的询价（新的在前，keyset 分页）")
    Mono<Page<Quote>> incoming(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        return quotes.ofMerchant(userId(jwt), status, PageRequest.of(after, limit));
    }

    @GetMapping("/api/merchant/quotes/{id}")
    @Operation(summary = "询价详情（商家）")
    Mono<Quote> incoming(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return quotes.ofMerchant(userId(jwt), id);
    }

    @PostMapping("/api/merchant/quotes/{id}/answer")
    @Operation(summary = "商家报价（单价、有效期、说明）")
    Mono<Quote> answer(@AuthenticationPrincipal Jwt jwt, @PathVariable long id, @Valid @RequestBody QuoteRequests.Answer body) {
        return quotes.answer(userId(jwt), id, body);
    }

    private static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
