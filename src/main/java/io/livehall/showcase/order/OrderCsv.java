package io.livehall.showcase.order;

import java.util.List;
import java.util.Map;

import io.livehall.common.csv.CsvExport;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

import static io.livehall.common.csv.CsvExport.text;
import static io.livehall.common.csv.CsvExport.time;

/** Orders as CSV ({@link CsvExport}: Excel-ready, streamed): money in yuan with two decimals. */
final class OrderCsv {

    private static final List<String> HEADER = List.of("订单号", "下单时间", "商品", "数量", "单价(元)", "金额(元)", "状态",
            "收货人", "手机号", "收货地址", "直播场次", "秒杀活动", "报价单", "支付方式", "支付流水号", "付款时间", "发货时间",
            "快递公司", "快递单号", "完成时间", "取消时间", "取消原因");
    private static final Map<String, String> STATUS = Map.of("CREATED", "待付款", "PAID", "已付款", "SHIPPED", "已发货",
            "COMPLETED", "已完成", "CANCELLED", "已取消");

    private OrderCsv() {
    }

    static String statusLabel(String status) {
        return STATUS.getOrDefault(status, status);
    }

    static ResponseEntity<Flux<String>> response(String filename, Flux<Order> orders) {
        return CsvExport.response(filename, HEADER, orders.map(OrderCsv::row));
    }

    static List<String> row(Order o) {
        return List.of(Long.toString(o.id()), time(o.createdAt()), o.productName(), Integer.toString(o.quantity()),
                yuan(o.unitPriceFen()), yuan(o.totalFen()), statusLabel(o.status()), o.recipientName(), o.recipientPhone(),
                o.address(), text(o.sessionId()), text(o.dealId()), text(o.quoteId()),
                "OFFLINE".equals(o.paymentMethod()) ? "线下付款" : o.paymentMethod(), text(o.paymentReference()),
                time(o.paidAt()), time(o.shippedAt()), text(o.carrier()), text(o.trackingNo()), time(o.completedAt()),
                time(o.cancelledAt()), text(o.cancelReason()));
    }

    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + "%d.%02d".formatted(Math.abs(fen) / 100, Math.abs(fen) % 100);
    }
}
