package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.livehall.IntegrationTest;
import io.livehall.common.error.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AccountsTest extends IntegrationTest {

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionalOperator tx;

    @Test
    void grantingARoleAddsItOnceAndEndsTheOldTokens() {
        String username = uniqueName("grant");
        String old = registerAndLogin(username, "secret-123");
        long id = idOf(username);
        StepVerifier.create(accounts.grantRole(id, Role.MERCHANT).then(accounts.grantRole(id, Role.MERCHANT)))
                .verifyComplete();
        assertThat(rolesOf(id)).containsExactly("VIEWER", "MERCHANT");
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(old)).exchange().expectStatus().isUnauthorized();
        String fresh = login(username, "secret-123");
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(fresh)).exchange().expectStatus().isOk();
    }

    @Test
    void insideATransactionNothingChangesIfItRollsBack() {
        String username = uniqueName("rollback");
        String old = registerAndLogin(username, "secret-123");
        long id = idOf(username);
        StepVerifier.create(tx.transactional(accounts.grantRole(id, Role.MERCHANT)
                        .then(Mono.error(new IllegalStateException("later step failed")))))
                .expectError(IllegalStateException.class).verify();
        assertThat(rolesOf(id)).containsExactly("VIEWER");
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(old)).exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownUserIsNotFound() {
        StepVerifier.create(accounts.grantRole(Long.MAX_VALUE, Role.MERCHANT))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).getStatusCode().value()).isEqualTo(404))
                .verify();
    }

    private long idOf(String username) {
        return db.sql("select id from app_user where username = :u").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    private List<String> rolesOf(long id) {
        return List.of(db.sql("select roles from app_user where id = :id").bind("id", id)
                .map(row -> row.get("roles", String[].class)).one().block());
    }
}
