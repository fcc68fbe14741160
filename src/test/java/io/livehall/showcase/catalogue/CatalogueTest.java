package io.livehall.showcase.catalogue;

import java.time.Duration;

import io.livehall.IntegrationTest;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Catalogue HTTP tests: fixtures, and a patient client (registration hashes passwords on a shared machine). */
abstract class CatalogueTest extends IntegrationTest {

    protected ShowcaseFixtures showcase;
    protected CatalogueFixtures catalogue;

    @BeforeEach
    void catalogueFixtures() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        showcase = new ShowcaseFixtures(http, db);
        catalogue = new CatalogueFixtures(http, db);
    }

    protected WebTestClient as(ShowcaseFixtures.Merchant merchant) {
        return http.mutate().defaultHeaders(h -> h.setBearerAuth(merchant.user().token())).build();
    }
}
