package io.livehall.showcase.order;

import java.time.Instant;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.showcase.live.LiveSessions;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.merchant.MerchantRef;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A merchant's orders: list and filter, confirm payment, ship, cancel, export, live figures. Another merchant's order
 * is 404. A suspended merchant may still see, ship and cancel its orders, but not confirm a payment (403).
 */
@RestController
@RequestMapping("/api/merchant/orders")
@Tag(name = "商家订单 Merchant orders", description = "商家：订单管理、确认收款、发货、导出、直播销售数据")
@SecurityRequirement(name = "bearer")
class MerchantOrderController {

    private final MerchantAccess merchants;
    private final LiveSessions sessions;
    private final OrderLifecycle lifecycle;
    private final OrderRepository orders;
    private final Payments payments;
    private final OrderEvents events;

    MerchantOrderController(MerchantAccess merchants, LiveSessions sessions, OrderLifecycle lifecycle,
                            OrderRepository orders, Payments payments, OrderEvents events) {
        this.merchants = merchants;
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.payments = payments;
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "本商家的订单（新的在前，keyset 分页，可按状态、直播场次筛选）")
    Mono<Page<Order>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                           @RequestParam(required = false) Long sessionId,
                           @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        PageRequest page = PageRequest.of(after, limit);
        String wanted = OrderController.status(status);
        return merchant(jwt).flatMap(m -> orders.list("merchant_id", m.id(), wanted, sessionId, page).collectList())
                .map(items -> Page.of(items, page.limit(), o -> Long.toString(o.id())));
    }

    @GetMapping("/export.csv")
    @Operation(summary = "导出本商家的订单（CSV，可按状态、直播场次、下单时间 from/to 筛选）")
    Mono<ResponseEntity<Flux<String>>> export(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Long sessionId,
                                              @RequestParam(required = false) Instant from,
                                              @RequestParam(required = false) Instant to) {
        String wanted = OrderController.status(status);
        return merchant(jwt).map(m -> OrderCsv.response("商家订单.csv",
                orders.export("merchant_id", m.id(), wanted, sessionId, from, to)));
    }

    @GetMapping("/figures")
    @Operation(summary = "某场直播的订单数与成交额（GMV，分）；实时更新见 /topic/merchant/live/{id}/sales")
    Mono<OrderEvents.SalesFigures> figures(@AuthenticationPrincipal Jwt jwt, @RequestParam long sessionId) {
        return merchant(jwt).flatMap(m -> sessions.find(sessionId).filter(s -> s.merchantId() == m.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .flatMap(s -> events.figures(s.id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "订单详情")
    Mono<Order> get(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return merchant(jwt).flatMap(m -> lifecycle.ofMerchant(m.id(), id));
    }

    @PostMapping("/{id}/confirm-payment")
    @Operation(summary = "确认已收款（线下付款）：待付款 → 已付款；暂停营业的商家不能确认收款")
    Mono<Order> confirmPayment(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                               @Valid @RequestBody OrderRequests.ConfirmPayment body) {
        return merchants.requireActive(OrderController.userId(jwt))
                .flatMap(m -> payments.confirmByMerchant(m.id(), id, body.reference().strip()));
    }

    @PostMapping("/{id}/ship")
    @Operation(summary = "发货（快递公司、单号）：已付款 → 已发货")
    Mono<Order> ship(@AuthenticationPrincipal Jwt jwt, @PathVariable long id, @Valid @RequestBody OrderRequests.Ship body) {
        return merchant(jwt).flatMap(m -> lifecycle.ship(m.id(), id, body.carrier(), body.trackingNo()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "取消待付款订单，库存退回")
    Mono<Order> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                       @Valid @RequestBody(required = false) OrderRequests.Cancel body) {
        return merchant(jwt).flatMap(m -> lifecycle.cancelByMerchant(m.id(), id, body == null ? null : body.reason()));
    }

    private Mono<MerchantRef> merchant(Jwt jwt) {
        return merchants.merchantOf(OrderController.userId(jwt))
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-a-merchant", "您所在的企业还不是入驻商家")));
    }
}
