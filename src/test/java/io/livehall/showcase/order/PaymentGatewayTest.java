package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.livehall.common.error.ApiProblem;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The payment seam with a test double standing in for an online provider: instructions come from the gateway,
 * the provider's (verified) notification marks the order paid once, however often it arrives.
 */
class PaymentGatewayTest extends OrderTest {

    /** A provider double: hands out a pay URL and remembers which orders it was asked about. */
    static final class RecordingGateway implements PaymentGateway {
        final List<Long> asked = new ArrayList<>();

        @Override
        public String method() {
            return "FAKEPAY";
        }

        @Override
        public Mono<PaymentInstructions> instructions(Order order) {
            asked.add(order.id());
            return Mono.just(new PaymentInstructions(order.id(), method(), order.totalFen(), order.payBy(), "在线支付",
                    "扫码支付", "https://pay.example.com/o/" + order.id(), "fakepay://o/" + order.id()));
        }
    }

    @Test
    void aProvidersNotificationMarksTheOrderPaidOnceAndChecksTheAmount() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("pay");
        long product = fx.product(merchant.id(), 2500, 10);
        OrderFixtures.Buyer buyer = fx.buyer("pay");
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.productOrder(product, 2)).expectStatus().isCreated();
        long id = count("select id from customer_order where buyer_id = :b", "b", buyer.id());
        RecordingGateway provider = new RecordingGateway();
        Payments payments = new Payments(List.of(provider, new OfflinePaymentGateway()),
                context.getBean(OrderRepository.class), context.getBean(OrderEvents.class),
                context.getBean(org.springframework.transaction.reactive.TransactionalOperator.class));
        Order order = blockOn(context.getBean(OrderLifecycle.class).ofBuyer(buyer.id(), id));

        PaymentInstructions pay = blockOn(payments.gateway("FAKEPAY").instructions(order));
        assertThat(pay.redirectUrl()).endsWith("/o/" + id);
        assertThat(pay.amountFen()).isEqualTo(5000);
        assertThat(provider.asked).containsExactly(id);
        assertThat(blockOn(payments.gateway("OFFLINE").instructions(order)).text()).contains("50.00", String.valueOf(id));

        assertThatThrownBy(() -> blockOn(payments.confirmPaid(id, "FAKEPAY", "TX-1", 4999)))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.getBody().getType().toString()).endsWith("amount-mismatch"));
        Order paid = blockOn(payments.confirmPaid(id, "FAKEPAY", "TX-1", 5000));
        assertThat(paid.status()).isEqualTo("PAID");
        assertThat(paid.paymentMethod()).isEqualTo("FAKEPAY");
        // the provider retries its notification: same answer, nothing changes
        Order again = blockOn(payments.confirmPaid(id, "FAKEPAY", "TX-1", 5000));
        assertThat(again.paidAt()).isEqualTo(paid.paidAt());
        assertThatThrownBy(() -> blockOn(payments.confirmPaid(id, "FAKEPAY", "TX-2", 5000)))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.getBody().getType().toString()).endsWith("invalid-status"));
        assertThat(count("select count(*) from customer_order where id = :id and status = 'PAID' and payment_reference = 'TX-1'",
                "id", id)).isEqualTo(1);
    }
}
