package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;

/** Issue 11 A12: a merchant's own accounts may not buy its products (it would inflate its sales and the ticker). */
class OwnProductOrderTest extends OrderTest {

    private static final String OWN = "https://livehall.io/problems/own-product";

    @Test
    void aMerchantCannotOrderItsOwnProductOrDealButMayBuyFromOthers() {
        OrderFixtures.LiveDeal live = fx.liveDeal("own", 1000, 50, 800, 10, 2);
        ShowcaseFixtures.Account self = live.merchant().user();

        fx.order(self.token(), "own-regular", OrderFixtures.productOrder(live.product(), 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(OWN).jsonPath("$.detail").isEqualTo("不能购买自家商品");
        fx.order(self.token(), "own-deal", OrderFixtures.dealOrder(live.deal(), 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(OWN).jsonPath("$.detail").isEqualTo("不能购买自家商品");

        // refused before the gate took anything: no stock, no holding, no pending key
        assertThat(fx.gateStock(live.deal())).isEqualTo(10);
        assertThat(fx.gateBuyers(live.deal())).doesNotContainKey(self.id());
        assertThat(fx.redis().hasKey(DealKeys.markerKey(live.deal(), self.id(), "own-deal")).block()).isFalse();
        assertThat(fx.gateReservations(live.deal())).isEmpty();
        assertThat(fx.shardSum(live.deal())).isEqualTo(10);
        assertThat(fx.stock(live.product())).isEqualTo(40);
        assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", self.id())).isZero();

        // another merchant is an ordinary buyer here
        ShowcaseFixtures.Merchant other = fx.merchant("own-other");
        fx.order(other.user().token(), "other-regular", OrderFixtures.productOrder(live.product(), 1)).expectStatus().isCreated();
        fx.order(other.user().token(), "other-deal", OrderFixtures.dealOrder(live.deal(), 1)).expectStatus().isCreated();
        assertThat(fx.gateStock(live.deal())).isEqualTo(9);
        assertThat(fx.stock(live.product())).isEqualTo(39);
    }
}
