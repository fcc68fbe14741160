package io.livehall.identity;

import java.time.Clock;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.notification.Notification;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The personal centre (个人中心): a user edits their own profile, changes their password (every other session ends),
 * and, as an individual account, adds their enterprise: a new one (credit-code checked) is created with them as its
 * first account; joining one already registered is a request its first account approves or rejects.
 */
@Service
class ProfileService {

    /** What the enterprise's first account sees: whether they decide requests, and the pending ones. */
    record JoinReview(boolean approver, List<JoinRequest> pending) {
    }

    private final UserRepository users;
    private final EnterpriseRepository enterprises;
    private final JoinRequestRepository joinRequests;
    private final PasswordHasher hasher;
    private final LoginRateLimiter limiter;
    private final TokenIssuer tokens;
    private final TokenRevocations revocations;
    private final AccountNotifier notifier;
    private final TransactionalOperator tx;
    private final Clock clock;

    ProfileService(UserRepository users, EnterpriseRepository enterprises, JoinRequestRepository joinRequests,
                   PasswordHasher hasher, LoginRateLimiter limiter, TokenIssuer tokens, TokenRevocations revocations,
                   AccountNotifier notifier, TransactionalOperator tx, Clock clock) {
        this.users = users;
        this.enterprises = enterprises;
        this.joinRequests = joinRequests;
        this.hasher = hasher;
        this.limiter = limiter;
        this.tokens = tokens;
        this.revocations = revocations;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<UserView> updateProfile(long userId, ProfileUpdate update) {
        String phone = update.phone() == null || update.phone().isBlank() ? null : update.phone().strip();
        return users.updateProfile(userId, update.displayName().strip(), phone)
                .flatMap(n -> n == 0 ? Mono.error(ApiProblem.notFound("用户")) : require(userId))
                .map(User::view);
    }

    /**
     * Checks the current password (wrong ones count towards the login lockout of this username and address), stores
     * the new one and raises the token version in one transaction, so every token issued before stops at once,
     * this tab's included; answers a fresh token for this tab.
     */
    Mono<LoginResult> changePassword(long userId, PasswordChange change, String address) {
        return require(userId).flatMap(user -> limiter.checkAllowed(user.username(), address)
                .then(Passwords.fitsBcrypt(change.currentPassword())
                        ? hasher.matches(change.currentPassword(), user.passwordHash())
                        : Mono.just(false))
                .flatMap(ok -> {
                    if (!ok) {
                        return limiter.recordFailure(user.username(), address)
                                .then(Mono.error(fieldProblem("wrong-password", "currentPassword", "当前密码不正确")));
                    }
                    if (change.currentPassword().equals(change.newPassword())) {
                        return Mono.error(fieldProblem("same-password", "newPassword", "新密码不能与当前密码相同"));
                    }
                    return limiter.recordSuccess(user.username(), address)
                            .then(hasher.hash(change.newPassword()))
                            .flatMap(hash -> tx.transactional(users.updatePassword(userId, hash)
                                    .then(revocations.revokeAllOf(userId))))
                            .then(require(userId))
                            .flatMap(tokens::issue);
                }));
    }

    /** An individual account registers its enterprise and becomes its first account. */
    Mono<UserView> addEnterprise(long userId, EnterpriseRequest request) {
        return requireIndividual(userId)
                .then(Mono.defer(() -> tx.transactional(enterprises.findByCreditCode(request.creditCode())
                        .flatMap(existing -> Mono.<Long>error(enterpriseExists(existing.name())))
                        .switchIfEmpty(Mono.defer(() -> enterprises.insert(request).map(Enterprise::id)))
                        .onErrorMap(DataIntegrityViolationException.class, e -> enterpriseExists(null))
                        .flatMap(enterpriseId -> users.joinEnterprise(userId, enterpriseId))
                        .flatMap(n -> n == 0 ? Mono.error(alreadyInEnterprise()) : Mono.just(n)))))
                .then(require(userId))
                .map(User::view);
    }

    /** Asks to join a registered enterprise; its first account is told and decides. */
    Mono<JoinRequest> requestToJoin(long userId, String creditCode) {
        return requireIndividual(userId).flatMap(user -> enterprises.findByCreditCode(creditCode)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "enterprise-not-found",
                        "平台上还没有该统一社会信用代码的企业，可直接登记新企业",
                        List.of(new FieldProblem("creditCode", "平台上还没有该企业，可直接登记")))))
                .flatMap(enterprise -> users.firstMemberOf(enterprise.id())
                        .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "enterprise-without-approver",
                                "该企业暂无可审核申请的账号，请联系平台管理员")))
                        .flatMap(approver -> tx.transactional(joinRequests.insert(enterprise.id(), userId, clock.instant())
                                .onErrorMap(DataIntegrityViolationException.class, e -> pendingExists())
                                .flatMap(id -> notifier.notify(approver, Notification.of("enterprise-join-request",
                                                "新的企业加入申请", user.displayName() + "（" + user.username() + "）申请加入"
                                                        + enterprise.name() + "，请在个人中心审核。", "/me", clock))
                                        .thenReturn(id))))))
                .flatMap(this::requireRequest);
    }

    Mono<List<JoinRequest>> myRequests(long userId) {
        return joinRequests.ofUser(userId).collectList();
    }

    /** Withdraws one's own pending request; another user's request is not found. */
    Mono<JoinRequest> cancel(long userId, long requestId) {
        return requireRequest(requestId)
                .filter(r -> r.userId() == userId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("加入申请")))
                .flatMap(r -> joinRequests.decide(requestId, JoinRequestStatus.CANCELLED, null, clock.instant()))
                .flatMap(n -> n == 0 ? Mono.error(alreadyDecided()) : requireRequest(requestId));
    }

    Mono<JoinReview> review(long userId) {
        return require(userId).flatMap(user -> user.enterprise() == null
                ? Mono.just(new JoinReview(false, List.of()))
                : users.firstMemberOf(user.enterprise().id())
                        .flatMap(first -> first == userId
                                ? joinRequests.pendingFor(user.enterprise().id()).collectList()
                                        .map(pending -> new JoinReview(true, pending))
                                : Mono.just(new JoinReview(false, List.of()))));
    }

    /**
     * The enterprise's first account approves (the requester joins the enterprise) or rejects; the requester is told.
     * A request to another enterprise, or anyone else deciding, is not found.
     */
    Mono<JoinRequest> decide(long approverId, long requestId, boolean approve) {
        return requireRequest(requestId)
                .filterWhen(r -> isApproverOf(approverId, r.enterpriseId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("加入申请")))
                .flatMap(r -> tx.transactional(joinRequests.decide(requestId,
                                        approve ? JoinRequestStatus.APPROVED : JoinRequestStatus.REJECTED, approverId,
                                        clock.instant())
                                .flatMap(n -> n == 0 ? Mono.error(alreadyDecided()) : Mono.just(n))
                                .then(approve
                                        ? users.joinEnterprise(r.userId(), r.enterpriseId())
                                                .flatMap(n -> n == 0 ? Mono.error(new ApiProblem(HttpStatus.CONFLICT,
                                                        "requester-in-enterprise", "申请人已加入其他企业，无法通过"))
                                                        : Mono.just(n))
                                        : Mono.just(0L))
                                .then(notifier.notify(r.userId(), approve
                                        ? Notification.of("enterprise-join-approved", "加入企业申请已通过",
                                                "您已加入" + r.enterpriseName() + "。", "/me", clock)
                                        : Notification.of("enterprise-join-rejected", "加入企业申请未通过",
                                                r.enterpriseName() + "未通过您的加入申请，如有疑问请联系该企业。", "/me", clock))))
                        .then(requireRequest(requestId)));
    }

    private Mono<Boolean> isApproverOf(long userId, long enterpriseId) {
        return users.firstMemberOf(enterpriseId).map(first -> first == userId).defaultIfEmpty(false);
    }

    /** The user, if they belong to no enterprise and have no pending request to join one. */
    private Mono<User> requireIndividual(long userId) {
        return require(userId).flatMap(user -> user.enterprise() != null
                ? Mono.error(alreadyInEnterprise())
                : joinRequests.hasPending(userId).flatMap(p -> p ? Mono.error(pendingExists()) : Mono.just(user)));
    }

    private Mono<User> require(long id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("用户")));
    }

    private Mono<JoinRequest> requireRequest(long id) {
        return joinRequests.findById(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("加入申请")));
    }

    private static ApiProblem fieldProblem(String type, String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, message, List.of(new FieldProblem(field, message)));
    }

    private static ApiProblem alreadyInEnterprise() {
        return new ApiProblem(HttpStatus.CONFLICT, "already-in-enterprise", "您的账号已关联企业");
    }

    private static ApiProblem pendingExists() {
        return new ApiProblem(HttpStatus.CONFLICT, "join-request-pending", "您已有待审核的加入申请，请等待审核或先撤回");
    }

    private static ApiProblem alreadyDecided() {
        return new ApiProblem(HttpStatus.CONFLICT, "join-request-decided", "该申请已处理");
    }

    private static ApiProblem enterpriseExists(String name) {
        String detail = name == null ? "该统一社会信用代码的企业已在平台注册，可申请加入"
                : "「" + name + "」已在平台注册，可申请加入，由该企业的管理账号审核";
        ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "enterprise-exists", detail,
                List.of(new FieldProblem("creditCode", "该企业已在平台注册，可申请加入")));
        if (name != null) {
            problem.getBody().setProperty("enterpriseName", name);
        }
        return problem;
    }
}
