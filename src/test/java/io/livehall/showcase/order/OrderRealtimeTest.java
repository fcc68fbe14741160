package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;

/** What orders push: the masked ticker, the merchant's live figures (its own only), the buyer's notifications. */
class OrderRealtimeTest extends OrderTest {

    @Test
    void theTickerMasksNamesAndTheMerchantSeesOrdersAndGmv() {
        OrderFixtures.LiveDeal live = fx.liveDeal("ticker", 9900, 100, 5900, 50, 2);
        ShowcaseFixtures.Merchant merchant = live.merchant();
        long session = live.session(), deal = live.deal();
        try (RawStompClient viewer = RawStompClient.open(port); RawStompClient console = RawStompClient.open(port)) {
            viewer.connect(null);
            viewer.send("SUBSCRIBE", null, "id", "t", "destination", "/topic/live/" + session + "/orders", "receipt", "r");
            viewer.expect("RECEIPT");
            console.connect(merchant.user().token());
            console.send("SUBSCRIBE", null, "id", "s", "destination", "/topic/merchant/live/" + session + "/sales",
                    "receipt", "r");
            console.expect("RECEIPT");
            for (OrderFixtures.Buyer buyer : fx.buyers("ticker", 3)) {
                fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 2)).expectStatus().isCreated();
            }
            StringBuilder ticker = new StringBuilder();
            int seen = 0;
            while (seen < 3) {
                String body = viewer.expect("MESSAGE").body();
                ticker.append(body);
                seen += Integer.parseInt(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
            }
            assertThat(ticker.toString()).contains("张**", "刚刚下单").doesNotContainPattern("张\\d");
            String figures = "";
            while (!figures.contains("\"orders\":3")) {
                figures = console.expect("MESSAGE").body();
            }
            assertThat(figures).contains("\"gmvFen\":35400");
        }
    }

    @Test
    void anotherMerchantOrAViewerMayNotWatchTheFigures() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("figures");
        ShowcaseFixtures.Merchant other = fx.merchant("figures-other");
        long session = fx.liveSession(merchant.id());
        OrderFixtures.Buyer viewer = fx.buyer("figures-viewer");
        for (String token : new String[] {other.user().token(), viewer.token(), null}) {
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(token);
                client.send("SUBSCRIBE", null, "id", "s", "destination", "/topic/merchant/live/" + session + "/sales");
                assertThat(client.expect("ERROR").header("message")).isEqualTo("Not allowed");
            }
        }
    }

    @Test
    void theBuyerIsNotifiedWhenTheOrderIsPlacedPaidAndShipped() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("notify");
        long product = fx.product(merchant.id(), 500, 10);
        OrderFixtures.Buyer buyer = fx.buyer("notify");
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(buyer.token());
            client.send("SUBSCRIBE", null, "id", "n", "destination", "/user/queue/notifications", "receipt", "r");
            client.expect("RECEIPT");
            fx.order(buyer.token(), "n1", OrderFixtures.productOrder(product, 1)).expectStatus().isCreated();
            long id = count("select id from customer_order where buyer_id = :b", "b", buyer.id());
            assertThat(client.expect("MESSAGE").body()).contains("\"type\":\"order\"", "\"status\":\"CREATED\"",
                    "\"orderId\":" + id, "\"link\":\"/orders/" + id + "\"");
            String m = "Bearer " + merchant.user().token();
            http.post().uri("/api/merchant/orders/" + id + "/confirm-payment").header("Authorization", m)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"reference\":\"R1\"}")
                    .exchange().expectStatus().isOk();
            assertThat(client.expect("MESSAGE").body()).contains("\"status\":\"PAID\"");
            http.post().uri("/api/merchant/orders/" + id + "/ship").header("Authorization", m)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue("{\"carrier\":\"顺丰速运\",\"trackingNo\":\"SF1000000009\"}").exchange().expectStatus().isOk();
            assertThat(client.expect("MESSAGE").body()).contains("\"status\":\"SHIPPED\"", "SF1000000009");
        }
    }
}
