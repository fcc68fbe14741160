package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.livehall.showcase.ShowcaseFixtures;
import io.livehall.showcase.ShowcaseFixtures.Merchant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class MerchantProductApiTest extends CatalogueTest {

    private Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = showcase.tradingMerchant("shop");
    }

    @Test
    void anonymousUsersMayNotManageProducts() {
        http.get().uri("/api/merchant/products").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/merchant/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CatalogueFixtures.product("茶")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void viewersGet403AndMerchantRoleWithoutAMerchantIsNotAMerchant() {
        String viewer = registerAndLogin(uniqueName("viewer"), "secret-123");
        http.get().uri("/api/merchant/products").headers(h -> h.setBearerAuth(viewer))
                .exchange().expectStatus().isForbidden();

        ShowcaseFixtures.Account plain = showcase.enterpriseUser("plain");
        grantRoles(plain.username(), "VIEWER", "MERCHANT");
        String token = login(plain.username(), ShowcaseFixtures.PASSWORD);
        http.post().uri("/api/merchant/products").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CatalogueFixtures.product("茶"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/not-a-merchant");
    }

    @Test
    void createsADraftWithOrderedImagesAndListsItAsTheMerchants() {
        long second = catalogue.uploadImage(merchant.user().token());
        long first = catalogue.uploadImage(merchant.user().token());
        Map<String, Object> body = CatalogueFixtures.product("  西凤酒375  ");
        body.put("imageIds", List.of(first, second));
        body.put("channels", List.of("LIVE_ECOMMERCE", "OFFLINE_EXHIBITION", "LIVE_ECOMMERCE"));
        byte[] created = as(merchant).post().uri("/api/merchant/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.name").isEqualTo("西凤酒375")
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.merchantName").isEqualTo("shop 商家")
                .jsonPath("$.channels").isEqualTo(List.of("OFFLINE_EXHIBITION", "LIVE_ECOMMERCE"))
                .jsonPath("$.images[0].fileId").isEqualTo(first)
                .jsonPath("$.images[0].url").isEqualTo("/api/files/" + first)
                .jsonPath("$.images[1].fileId").isEqualTo(second)
                .returnResult().getResponseBody();
        long id = newest(merchant);
        assertThat(new String(created, java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\":" + id);
        as(merchant).get().uri("/api/merchant/products?status=DRAFT").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == %d)].name".formatted(id)).isEqualTo(List.of("西凤酒375"));
    }

    @Test
    void badInputAnswers400WithFieldErrors() {
        Map<String, Object> body = CatalogueFixtures.product("");
        body.put("category", null);
        body.put("region", "北京市");
        body.put("priceFen", 0);
        body.put("stock", -1);
        body.put("imageIds", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        as(merchant).post().uri("/api/merchant/products").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field")
                .isEqualTo(List.of("category", "imageIds", "name", "priceFen", "region", "stock"));

        long othersImage = catalogue.uploadImage(showcase.tradingMerchant("other").user().token());
        Map<String, Object> stolen = CatalogueFixtures.product("茶");
        stolen.put("imageIds", List.of(othersImage));
        as(merchant).post().uri("/api/merchant/products").contentType(MediaType.APPLICATION_JSON).bodyValue(stolen)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("imageIds");
        long mine = catalogue.uploadImage(merchant.user().token());
        stolen.put("imageIds", List.of(mine, mine));
        as(merchant).post().uri("/api/merchant/products").contentType(MediaType.APPLICATION_JSON).bodyValue(stolen)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("图片不能重复");

        long id = catalogue.draft(merchant, CatalogueFixtures.product("茶"));
        as(merchant).put().uri("/api/merchant/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CatalogueFixtures.product("茶二")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
        assertThat(count("select count(*) from product where merchant_id = " + merchant.id())).isEqualTo(1);
    }

    @Test
    void anotherMerchantsProductIsNotFound() {
        Merchant other = showcase.tradingMerchant("rival");
        long theirs = catalogue.onSale(other, CatalogueFixtures.product("别家的茶"));
        Map<String, Object> update = CatalogueFixtures.product("抢来的");
        update.put("version", 2);
        as(merchant).get().uri("/api/merchant/products/{id}", theirs).exchange().expectStatus().isNotFound();
        as(merchant).put().uri("/api/merchant/products/{id}", theirs).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update).exchange().expectStatus().isNotFound();
        as(merchant).post().uri("/api/merchant/products/{id}/off-shelf", theirs).exchange().expectStatus().isNotFound();
        as(merchant).post().uri("/api/merchant/products/{id}/publish", theirs).exchange().expectStatus().isNotFound();
        as(merchant).delete().uri("/api/merchant/products/{id}", theirs).exchange().expectStatus().isNotFound();
        as(merchant).get().uri("/api/merchant/products").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == %d)]".formatted(theirs)).isEmpty();
        http.get().uri("/api/products/{id}", theirs).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("别家的茶");
    }

    @Test
    void draftGoesOnSaleOffTheShelfAndBackButIsNeverDeletedOnceSold() {
        long id = catalogue.draft(merchant, CatalogueFixtures.product("东裕茗茶"));
        as(merchant).post().uri("/api/merchant/products/{id}/off-shelf", id).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/not-on-sale");
        as(merchant).post().uri("/api/merchant/products/{id}/publish", id).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("imageIds");
        http.get().uri("/api/products/{id}", id).exchange().expectStatus().isNotFound();

        Map<String, Object> withImage = CatalogueFixtures.product("东裕茗茶");
        withImage.put("imageIds", List.of(catalogue.uploadImage(merchant.user().token())));
        withImage.put("version", 1);
        as(merchant).put().uri("/api/merchant/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withImage).exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        status(id, "publish", "ON_SALE");
        status(id, "publish", "ON_SALE");
        status(id, "off-shelf", "OFF_SHELF");
        http.get().uri("/api/products/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OFF_SHELF");
        status(id, "off-shelf", "OFF_SHELF");
        status(id, "publish", "ON_SALE");
        as(merchant).delete().uri("/api/merchant/products/{id}", id).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type")
                .isEqualTo("https://livehall.io/problems/product-was-on-sale");

        long draft = catalogue.draft(merchant, CatalogueFixtures.product("草稿"));
        as(merchant).delete().uri("/api/merchant/products/{id}", draft).exchange().expectStatus().isNoContent();
        as(merchant).get().uri("/api/merchant/products/{id}", draft).exchange().expectStatus().isNotFound();
    }

    @Test
    void aMerchantWithoutTheNewestAgreementsKeepsDraftsButCannotPublish() {
        long onSale = catalogue.onSale(merchant, CatalogueFixtures.product("已上架"));
        catalogue.withdrawAgreements(merchant);
        long draft = catalogue.draft(merchant, CatalogueFixtures.product("新草稿"));
        as(merchant).post().uri("/api/merchant/products/{id}/publish", draft).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/agreements-not-accepted");
        status(onSale, "off-shelf", "OFF_SHELF");
        as(merchant).post().uri("/api/merchant/products/{id}/publish", onSale).exchange().expectStatus().isForbidden();
    }

    @Test
    void aSuspendedMerchantCannotEditAndItsProductsLeaveTheHall() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("暂停商家的茶"));
        db.sql("update merchant set status = 'SUSPENDED' where id = :m").bind("m", merchant.id()).fetch().rowsUpdated().block();
        as(merchant).post().uri("/api/merchant/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CatalogueFixtures.product("茶")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/merchant-suspended");
        http.get().uri("/api/products/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aStaleVersionIsAConflictAndNothingChanges() {
        long id = catalogue.draft(merchant, CatalogueFixtures.product("格兰纳护肤"));
        Map<String, Object> first = CatalogueFixtures.product("格兰纳护肤套装");
        first.put("version", 1);
        as(merchant).put().uri("/api/merchant/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(first).exchange().expectStatus().isOk();
        Map<String, Object> stale = CatalogueFixtures.product("旧版本的修改");
        stale.put("version", 1);
        stale.put("imageIds", List.of(catalogue.uploadImage(merchant.user().token())));
        as(merchant).put().uri("/api/merchant/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(stale).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/version-conflict")
                .jsonPath("$.currentVersion").isEqualTo(2);
        as(merchant).get().uri("/api/merchant/products/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("格兰纳护肤套装").jsonPath("$.images").isEmpty();
    }

    private void status(long id, String action, String expected) {
        as(merchant).post().uri("/api/merchant/products/{id}/" + action, id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(expected);
    }

    private long newest(Merchant m) {
        return db.sql("select max(id) from product where merchant_id = :m").bind("m", m.id())
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
