package io.livehall.showcase.order;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Offline payment: the buyer pays the merchant directly and the merchant confirms receipt in its console. */
@Component
class OfflinePaymentGateway implements PaymentGateway {

    static final String METHOD = "OFFLINE";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Mono<PaymentInstructions> instructions(Order order) {
        String text = "请通过银行转账或与商家约定的方式付款 %s 元，并在付款备注中填写订单号 %d。商家确认收款后，订单状态将变为“已付款”。"
                .formatted(yuan(order.totalFen()), order.id());
        return Mono.just(new PaymentInstructions(order.id(), METHOD, order.totalFen(), order.payBy(), "线下付款", text,
                null, null));
    }

    private static String yuan(long fen) {
        return "%d.%02d".formatted(fen / 100, fen % 100);
    }
}
