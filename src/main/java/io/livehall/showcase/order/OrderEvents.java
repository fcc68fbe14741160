package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.schedule.PeriodicJob;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.notification.NotificationCentre;
import io.livehall.showcase.ShowcaseDestinations;
import io.livehall.showcase.live.LiveSessions;
import io.livehall.showcase.merchant.MerchantAccess;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What orders tell browsers:
 * <ul>
 * <li>{@code /topic/live/{liveId}/orders} (event, public): the order ticker, "张**等10人刚刚下单", aggregated per
 * instance over one second with masked names;</li>
 * <li>{@code /topic/merchant/live/{liveId}/sales} (latest value): orders and GMV of the session, only for the
 * session's own merchant (a guard asks MerchantAccess and LiveSessions), refreshed from PostgreSQL at most once
 * a second per instance while orders change;</li>
 * <li>{@code /user/queue/notifications} of the buyer: {@code type: "order"} when an order is placed, paid,
 * shipped or cancelled.</li>
 * </ul>
 * Publishing never fails an order: errors are logged.
 */
@Component
class OrderEvents extends PeriodicJob {

    private static final Log log = LogFactory.getLog(OrderEvents.class);
    private static final int NAMES_SHOWN = 3;

    record Ticker(long sessionId, List<String> names, int count, String text, Instant at) {
    }

    record SalesFigures(long sessionId, long orders, long gmvFen, Instant at) {
    }

    private final Broker broker;
    private final NotificationCentre notifications;
    private final Clock clock;
    private final OrderRepository orders;
    private final Tally tally;
    private final Map<Long, List<String>> tickerNames = new ConcurrentHashMap<>();
    private final Map<Long, Integer> tickerCounts = new ConcurrentHashMap<>();
    private final Set<Long> figuresDirty = ConcurrentHashMap.newKeySet();

    OrderEvents(Broker broker, DestinationCatalog catalog, OrderRepository orders, MerchantAccess merchants,
                LiveSessions sessions, MeterRegistry meters, NotificationCentre notifications, Clock clock, Tally tally) {
        super(meters);
        this.tally = tally;
        this.notifications = notifications;
        this.clock = clock;
        this.broker = broker;
        this.orders = orders;
        catalog.register(ShowcaseDestinations.ORDERS, DestinationKind.EVENT, Access.PUBLIC);
        catalog.register(ShowcaseDestinations.MERCHANT_SALES, DestinationKind.LATEST,
                Access.roles("MERCHANT").guardedBy((user, vars) -> {
                    long sessionId;
                    try {
                        sessionId = Long.parseLong(vars.get("liveId"));
                    } catch (NumberFormatException e) {
                        return Mono.just(false);
                    }
                    return merchants.merchantOf(Long.parseLong(user.id()))
                            .flatMap(m -> sessions.find(sessionId).map(s -> s.merchantId() == m.id()))
                            .onErrorReturn(false);
                }));
    }

    static String salesTopic(long sessionId) {
        return ShowcaseDestinations.MERCHANT_SALES.with(sessionId);
    }

    /** Keeps the first character of a display name: 张三 → 张**. */
    static String mask(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return "用户**";
        }
        return new String(Character.toChars(trimmed.codePointAt(0))) + "**";
    }

    void placed(Order order, String buyerName) {
        // the organisers' dashboard: orders and GMV per minute and day, per product and merchant, also in the
        // merchant's own scope (never fails)
        tally.add(Tally.SHOWCASE, Tally.merchant(order.merchantId()), Map.of(Measure.ORDERS, 1L, Measure.GMV_FEN, order.totalFen()),
                Tally.sale(order.productId(), order.merchantId(), order.totalFen())).subscribe();
        if (order.sessionId() != null) {
            long session = order.sessionId();
            synchronized (tickerNames) {
                List<String> names = tickerNames.computeIfAbsent(session, k -> new ArrayList<>());
                if (names.size() < NAMES_SHOWN) {
                    names.add(mask(buyerName));
                }
                tickerCounts.merge(session, 1, Integer::sum);
            }
            figuresDirty.add(session);
        }
        notifyBuyer(order, "下单成功", order.productName() + " × " + order.quantity() + "，请在支付期限内完成付款");
    }

    /**
     * Inside the transaction of a status change: the buyer's notification (paid, shipped, cancelled) is queued in the
     * outbox, so it arrives (at least once) if and only if the change committed; the session's figures are refreshed.
     */
    Mono<Void> statusChanged(Order order) {
        if ("CANCELLED".equals(order.status()) && order.sessionId() != null) {
            figuresDirty.add(order.sessionId());
        }
        return switch (order.status()) {
            case "PAID" -> tellBuyer(order, "商家已确认收款", order.productName() + " 的订单已付款");
            case "SHIPPED" -> tellBuyer(order, "商家已发货", order.productName() + "：" + order.carrier() + " "
                    + order.trackingNo());
            case "CANCELLED" -> tellBuyer(order, "订单已取消", order.productName() + "："
                    + (order.cancelReason() == null ? "订单已取消" : order.cancelReason()));
            default -> Mono.empty();
        };
    }

    private Mono<Void> tellBuyer(Order order, String title, String body) {
        return notifications.notify(order.buyerId(), buyerNotification(order, title, body));
    }

    Mono<SalesFigures> figures(long sessionId) {
        return orders.figures(sessionId).map(f -> new SalesFigures(sessionId, f[0], f[1], clock.instant()));
    }

    private Map<String, Object> buyerNotification(Order order, String title, String body) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "order");
        payload.put("title", title);
        payload.put("body", body);
        payload.put("link", "/orders/" + order.id());
        payload.put("at", clock.instant());
        payload.put("orderId", order.id());
        payload.put("status", order.status());
        return payload;
    }

    /** "Placed" is best effort (the buyer has the HTTP answer), and too frequent in a flash sale for the outbox. */
    private void notifyBuyer(Order order, String title, String body) {
        Map<String, Object> payload = buyerNotification(order, title, body);
        broker.publishToUser(Long.toString(order.buyerId()), "notifications", payload)
                .subscribe(v -> { }, e -> log.warn("Notifying buyer " + order.buyerId() + " failed", e));
    }

    @Override
    protected Duration period() {
        return Duration.ofSeconds(1);
    }

    @Override
    protected Mono<?> runOnce() {
        List<Ticker> due = new ArrayList<>();
        synchronized (tickerNames) {
            Instant now = clock.instant();
            tickerCounts.forEach((session, count) -> {
                List<String> names = tickerNames.getOrDefault(session, List.of());
                String text = (names.isEmpty() ? "有人" : names.get(0)) + (count > 1 ? "等" + count + "人" : "") + "刚刚下单";
                due.add(new Ticker(session, List.copyOf(names), count, text, now));
            });
            tickerCounts.clear();
            tickerNames.clear();
        }
        Set<Long> sessions = Set.copyOf(figuresDirty);
        figuresDirty.removeAll(sessions);
        return Flux.fromIterable(due)
                .concatMap(t -> broker.publish(ShowcaseDestinations.ORDERS.with(t.sessionId()), t))
                .thenMany(Flux.fromIterable(sessions)
                        .concatMap(s -> figures(s).flatMap(f -> broker.publish(salesTopic(s), f))))
                .then();
    }
}
