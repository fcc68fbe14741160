package io.livehall.showcase.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livehall.showcase.ShowcaseFixtures;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Products made through the merchant API (images uploaded through /api/files), for catalogue tests and others. */
public final class CatalogueFixtures {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final WebTestClient http;
    private final DatabaseClient db;

    public CatalogueFixtures(WebTestClient http, DatabaseClient db) {
        this.http = http;
        this.db = db;
    }

    /** Uploads a small PNG as the user and answers its file id. */
    public long uploadImage(String token) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(PNG) {
            @Override
            public String getFilename() {
                return "商品.png";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("purpose", "IMAGE");
        return ((Number) http.post().uri("/api/files").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    /** A request body with sensible values; change entries to taste. */
    public static Map<String, Object> product(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", "FAMOUS_QUALITY");
        body.put("region", "宝鸡市");
        body.put("description", "凤香型白酒，绵甜爽净");
        body.put("priceFen", 16800);
        body.put("stock", 50);
        body.put("channels", List.of("LIVE_ECOMMERCE", "OFFLINE_EXHIBITION"));
        body.put("imageIds", List.of());
        return body;
    }

    /** Creates a draft as the merchant and answers its id. */
    public long draft(ShowcaseFixtures.Merchant merchant, Map<String, Object> body) {
        return ((Number) http.post().uri("/api/merchant/products").headers(h -> h.setBearerAuth(merchant.user().token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    /** Creates a product with one uploaded image (unless the body names images) and puts it on sale. */
    public long onSale(ShowcaseFixtures.Merchant merchant, Map<String, Object> body) {
        Map<String, Object> withImage = new LinkedHashMap<>(body);
        if (((List<?>) withImage.getOrDefault("imageIds", List.of())).isEmpty()) {
            withImage.put("imageIds", List.of(uploadImage(merchant.user().token())));
        }
        long id = draft(merchant, withImage);
        http.post().uri("/api/merchant/products/{id}/publish", id).headers(h -> h.setBearerAuth(merchant.user().token()))
                .exchange().expectStatus().isOk();
        return id;
    }

    /** The merchant no longer has the newest agreements accepted (it may keep drafts, not publish). */
    public void withdrawAgreements(ShowcaseFixtures.Merchant merchant) {
        db.sql("delete from agreement_acceptance where merchant_id = :m").bind("m", merchant.id())
                .fetch().rowsUpdated().block();
    }
}
