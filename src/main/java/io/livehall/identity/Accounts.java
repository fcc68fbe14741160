package io.livehall.identity;

import io.livehall.common.error.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * What other features may do to accounts. Today: grant a role as the outcome of a business process
 * (merchant onboarding grants MERCHANT on approval).
 */
@Service
public class Accounts {

    private final UserRepository users;
    private final TokenRevocations revocations;

    Accounts(UserRepository users, TokenRevocations revocations) {
        this.users = users;
        this.revocations = revocations;
    }

    /**
     * Adds {@code role} to the user's roles (a no-op if it is there already) and then ends every token the
     * user holds, as an admin's role change does, so the next login carries the role. The database write
     * joins the caller's transaction if there is one; the tokens are then revoked only once it has
     * committed (a login between revocation and commit would otherwise get a fresh token without the role).
     */
    public Mono<Void> grantRole(long userId, Role role) {
        return users.addRole(userId, role)
                .flatMap(updated -> updated == 0 ? Mono.error(ApiProblem.notFound("用户")) : Mono.just(updated))
                .then(revokeAfterCommit(userId));
    }

    private Mono<Void> revokeAfterCommit(long userId) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .flatMap(tx -> {
                    tx.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return revocations.revokeAllOf(userId);
                        }
                    });
                    return Mono.just(true);
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> revocations.revokeAllOf(userId).thenReturn(false)))
                .then();
    }
}
