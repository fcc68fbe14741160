package io.livehall.showcase.order;

import java.util.List;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A buyer's orders: place (with Idempotency-Key), list, see, pay instructions, cancel, confirm receipt, export. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "订单 Orders", description = "买家：下单、我的订单、取消、确认收货、导出")
@SecurityRequirement(name = "bearer")
class OrderController {

    static final Set<String> STATUSES = Set.of("CREATED", "PAID", "SHIPPED", "COMPLETED", "CANCELLED");

    private final OrderPlacement placement;
    private final OrderLifecycle lifecycle;
    private final OrderRepository orders;
    private final Payments payments;

    OrderController(OrderPlacement placement, OrderLifecycle lifecycle, OrderRepository orders, Payments payments) {
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.payments = payments;
    }

    @PostMapping
    @Operation(summary = "下单（商品页或秒杀；必须带 Idempotency-Key 请求头，重复提交返回首次的订单）")
    Mono<ResponseEntity<Order>> place(@AuthenticationPrincipal Jwt jwt,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @Valid @RequestBody PlaceOrderRequest request) {
        return placement.place(Buyer.of(jwt), idempotencyKey(key), request)
                .map(placed -> ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.order()));
    }

    @GetMapping
    @Operation(summary = "我的订单（新的在前，keyset 分页，可按状态筛选）")
    Mono<Page<Order>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        PageRequest page = PageRequest.of(after, limit);
        return orders.list("buyer_id", userId(jwt), status(status), null, page).collectList()
                .map(items -> Page.of(items, page.limit(), o -> Long.toString(o.id())));
    }

    @GetMapping("/export.csv")
    @Operation(summary = "导出我的订单（CSV，Excel 可直接打开）")
    ResponseEntity<Flux<String>> export(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status) {
        return OrderCsv.response("我的订单.csv", orders.export("buyer_id", userId(jwt), status(status), null, null, null));
    }

    @GetMapping("/{id}")
    @Operation(summary = "订单详情")
    Mono<Order> get(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return lifecycle.ofBuyer(userId(jwt), id);
    }

    @GetMapping("/{id}/payment")
    @Operation(summary = "付款方式说明（待付款订单）")
    Mono<PaymentInstructions> payment(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return lifecycle.ofBuyer(userId(jwt), id).flatMap(order -> "CREATED".equals(order.status())
                ? payments.gateway(order.paymentMethod()).instructions(order)
                : Mono.error(OrderProblems.wrongStatus("订单不是待付款状态")));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "取消订单（仅待付款），库存退回")
    Mono<Order> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return lifecycle.cancelByBuyer(userId(jwt), id);
    }

    @PostMapping("/{id}/confirm-receipt")
    @Operation(summary = "确认收货（已发货 → 已完成）")
    Mono<Order> confirmReceipt(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return lifecycle.confirmReceipt(userId(jwt), id);
    }

    static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }

    static String idempotencyKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            String message = "请求头 Idempotency-Key 必填（1-100 个字符）";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem("Idempotency-Key", message)));
        }
        return key;
    }

    static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (!STATUSES.contains(status)) {
            String message = "状态须为 " + String.join("、", STATUSES.stream().sorted().toList()) + " 之一";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem("status", message)));
        }
        return status;
    }
}
