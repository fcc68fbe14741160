package io.livehall.showcase.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

/**
 * Orders as CSV for Excel: UTF-8 with a byte-order mark, CRLF lines, times in Asia/Shanghai, money in yuan with
 * two decimals, streamed row by row. Cells that a spreadsheet would run as a formula are prefixed with '.
 */
final class OrderCsv {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
    private static final String BOM = "\uFEFF";
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
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
        headers.setCacheControl("no-store");
        Flux<String> body = Flux.concat(Flux.just(BOM + line(HEADER)), orders.map(OrderCsv::row));
        return ResponseEntity.ok().headers(headers).body(body);
    }

    static String row(Order o) {
        return line(List.of(Long.toString(o.id()), time(o.createdAt()), o.productName(), Integer.toString(o.quantity()),
                yuan(o.unitPriceFen()), yuan(o.totalFen()), statusLabel(o.status()), o.recipientName(), o.recipientPhone(),
                o.address(), text(o.sessionId()), text(o.dealId()), text(o.quoteId()),
                "OFFLINE".equals(o.paymentMethod()) ? "线下付款" : o.paymentMethod(), text(o.paymentReference()),
                time(o.paidAt()), time(o.shippedAt()), text(o.carrier()), text(o.trackingNo()), time(o.completedAt()),
                time(o.cancelledAt()), text(o.cancelReason())));
    }

    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + "%d.%02d".formatted(Math.abs(fen) / 100, Math.abs(fen) % 100);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
