package io.livehall.showcase.merchant;

import io.livehall.IntegrationTest;
import io.livehall.common.error.ApiProblem;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

class MerchantAccessTest extends IntegrationTest {

    @Autowired
    MerchantAccess access;

    @Test
    void aUserWhoseEnterpriseIsNoMerchantMayNotTrade() {
        ShowcaseFixtures.Account user = new ShowcaseFixtures(http, db).enterpriseUser("plain");
        StepVerifier.create(access.merchantOf(user.id())).verifyComplete();
        StepVerifier.create(access.requireTrading(user.id()))
                .expectErrorSatisfies(e -> org.assertj.core.api.Assertions.assertThat(((ApiProblem) e).getBody().getType())
                        .hasToString(ApiProblem.TYPE_BASE + "not-a-merchant"))
                .verify();
    }

    @Test
    void aMerchantTradesOnlyWhileItHasAcceptedTheNewestAgreements() {
        ShowcaseFixtures.Merchant merchant = new ShowcaseFixtures(http, db).tradingMerchant("trader");
        StepVerifier.create(access.requireTrading(merchant.user().id()))
                .expectNextMatches(m -> m.id() == merchant.id() && m.trading())
                .verifyComplete();
    }
}
