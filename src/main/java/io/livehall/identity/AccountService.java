package io.livehall.identity;

import java.util.EnumSet;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Accounts and the enterprises they belong to: registration, lookup, admin role changes. */
@Service
public class AccountService {

    private final UserRepository users;
    private final EnterpriseRepository enterprises;
    private final PasswordHasher hasher;
    private final TokenRevocations revocations;
    private final TransactionalOperator tx;

    AccountService(UserRepository users, EnterpriseRepository enterprises, PasswordHasher hasher,
                   TokenRevocations revocations, TransactionalOperator tx) {
        this.users = users;
        this.enterprises = enterprises;
        this.hasher = hasher;
        this.revocations = revocations;
        this.tx = tx;
    }

    /** Creates a VIEWER account (and its enterprise, if given) in one transaction. */
    Mono<UserView> register(RegisterRequest request) {
        return hasher.hash(request.password())
                .flatMap(hash -> tx.transactional(
                        createEnterprise(request.enterprise())
                                .flatMap(enterpriseId -> insertUser(request, hash, enterpriseId.orElse(null)))))
                .flatMap(this::require)
                .map(User::view);
    }

    private Mono<java.util.Optional<Long>> createEnterprise(EnterpriseRequest enterprise) {
        if (enterprise == null) {
            return Mono.just(java.util.Optional.empty());
        }
        return enterprises.insert(enterprise)
                .map(e -> java.util.Optional.of(e.id()))
                .onErrorMap(DataIntegrityViolationException.class, e -> ApiProblem.conflict(
                        "credit-code-taken", "enterprise.creditCode", "该统一社会信用代码的企业已注册，请联系企业管理员"));
    }

    private Mono<Long> insertUser(RegisterRequest request, String hash, Long enterpriseId) {
        return users.insert(request.username(), hash, request.displayName().strip(), blankToNull(request.phone()),
                        EnumSet.of(Role.VIEWER), enterpriseId)
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> ApiProblem.conflict("username-taken", "username", "用户名已被占用"));
    }

    public Mono<UserView> findById(long id) {
        return require(id).map(User::view);
    }

    Mono<Page<UserView>> list(String query, PageRequest page) {
        return users.list(query, page).collectList()
                .map(rows -> Page.of(rows, page.limit(), u -> Long.toString(u.id())).map(User::view));
    }

    /** Replaces a user's roles; tokens issued before the change stop working so the new roles apply at once. */
    Mono<UserView> changeRoles(long id, Set<Role> roles) {
        return tx.transactional(users.updateRoles(id, EnumSet.copyOf(roles))
                        .flatMap(updated -> updated == 0 ? Mono.error(ApiProblem.notFound("用户")) : Mono.just(updated))
                        .then(revocations.revokeAllOf(id)))
                .then(require(id))
                .map(User::view);
    }

    private Mono<User> require(long id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("用户")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
