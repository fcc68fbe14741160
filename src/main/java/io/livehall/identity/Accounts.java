package io.livehall.identity;

import io.livehall.common.error.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What other features may do to accounts: grant a role as the outcome of a business process (merchant onboarding
 * grants MERCHANT on approval), end a user's sessions (e.g. when their merchant is suspended).
 */
@Service
public class Accounts {

    private final UserRepository users;
    private final TokenRevocations revocations;
    private final TransactionalOperator tx;

    Accounts(UserRepository users, TokenRevocations revocations, TransactionalOperator tx) {
        this.users = users;
        this.revocations = revocations;
        this.tx = tx;
    }

    /**
     * Adds {@code role} to the user's roles (a no-op if it is there already) and then ends every token the
     * user holds, as an admin's role change does, so the next login carries the role. The database writes
     * join the caller's transaction if there is one; the cache and the other instances are told only once it has
     * committed (a login between the change and the commit gets a token that is refused after the commit).
     */
    public Mono<Void> grantRole(long userId, Role role) {
        return tx.transactional(users.addRole(userId, role)
                .flatMap(updated -> updated == 0 ? Mono.error(ApiProblem.notFound("用户")) : Mono.just(updated))
                .then(revocations.revokeAllOf(userId)));
    }

    /**
     * Ends every token the user holds now (HTTP refuses them at once, open realtime connections are told through
     * {@link TokenRevocationEvents}); the user can log in again. Joins the caller's transaction like
     * {@link #grantRole}. 404 if there is no such user.
     */
    public Mono<Void> endSessions(long userId) {
        return tx.transactional(revocations.revokeAllOf(userId));
    }
}
