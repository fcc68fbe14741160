package io.livehall.identity;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Accounts and the enterprises they belong to: registration, lookup, admin role changes and temporary passwords. */
@Service
public class AccountService {

    private static final Log log = LogFactory.getLog(AccountService.class);
    /** Temporary passwords: letters and digits without look-alikes (0/O, 1/l/I). */
    private static final String TEMPORARY_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /**
     * Sets a fresh temporary password for a user who forgot theirs; every token of the user stops working. An admin
     * cannot do it for themselves (they know their password, and it would log them out).
     */
    Mono<TemporaryPassword> setTemporaryPassword(long adminId, long id) {
        if (adminId == id) {
            return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "temporary-password-self",
                    "不能为自己设置临时密码，请在个人中心修改密码"));
        }
        return require(id).flatMap(user -> Mono.fromCallable(AccountService::newTemporaryPassword)
                // SecureRandom may read the OS entropy source: off the event loop, like the hashing
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(password -> hasher.hash(password)
                        .flatMap(hash -> tx.transactional(users.updatePassword(id, hash).then(revocations.revokeAllOf(id))))
                        .then(Mono.fromRunnable(() -> log.info("Admin " + adminId + " set a temporary password for user " + id)))
                        .thenReturn(new TemporaryPassword(id, user.username(), password))));
    }

    static String newTemporaryPassword() {
        StringBuilder password = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.toString();
    }

    private Mono<User> require(long id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("用户")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
