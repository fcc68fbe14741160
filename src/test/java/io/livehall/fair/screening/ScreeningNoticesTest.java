package io.livehall.fair.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/** A screening decision tells every account of the enterprise (not only the contact who registered), once each. */
class ScreeningNoticesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private List<String> titles(long userId) {
        return db.sql("select title from user_notification where user_id = :u and type = 'fair-screening' order by id")
                .bind("u", userId).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private long colleague(FairFixtures fx, Member of) {
        Account account = fx.account("VIEWER");
        db.sql("update app_user set enterprise_id = :e where id = :u").bind("e", of.enterpriseId()).bind("u", account.id())
                .fetch().rowsUpdated().block();
        return account.id();
    }

    private void decide(Account organiser, long participantId, String what, Object body) {
        var spec = http.post().uri("/api/organiser/fair-participants/" + participantId + "/" + what)
                .header("Authorization", "Bearer " + organiser.token());
        (body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
                .expectStatus().isOk();
    }

    @Test
    void everyAccountOfTheEnterpriseIsToldOfEachDecisionOnceAndNobodyElse() {
        FairFixtures fx = new FairFixtures(db, context);
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        String title = db.sql("select title from fair where id = :id").bind("id", fair)
                .map(row -> row.get(0, String.class)).one().block();
        Member supplier = fx.enterprise("通知测试供应商");
        long supplierMate = colleague(fx, supplier);
        long supplierMate2 = colleague(fx, supplier);
        long supplierId = fx.participant(fair, supplier, ParticipantRole.SUPPLIER, ParticipantStatus.PENDING);
        Member buyer = fx.enterprise("通知测试采购商");
        long buyerMate = colleague(fx, buyer);
        long buyerId = fx.participant(fair, buyer, ParticipantRole.BUYER, ParticipantStatus.PENDING);

        decide(organiser, supplierId, "needs-info", Map.of("reason", "请上传资质证书"));
        decide(organiser, supplierId, "reject", Map.of("reason", "资质不符"));
        decide(organiser, buyerId, "approve", null);

        for (long user : List.of(supplier.userId(), supplierMate, supplierMate2)) {
            assertThat(titles(user)).containsExactly("请补充报名资料：「" + title + "」", "报名未通过：「" + title + "」");
        }
        for (long user : List.of(buyer.userId(), buyerMate)) {
            assertThat(titles(user)).containsExactly("报名已通过：「" + title + "」");
        }
        assertThat(titles(organiser.id())).isEmpty();
    }
}
