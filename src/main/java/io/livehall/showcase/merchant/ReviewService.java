package io.livehall.showcase.merchant;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.identity.Accounts;
import io.livehall.identity.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The organisers' side of onboarding. A decision is taken only on a SUBMITTED application and is written,
 * with its status-history row, in one transaction. Approval also creates the merchant and grants the
 * applicant MERCHANT; approvals of one round hold the round's row lock, so the quota cannot be exceeded
 * however many organisers approve at once.
 */
@Service
class ReviewService {

    private final ApplicationRepository applications;
    private final RoundRepository rounds;
    private final MerchantRepository merchants;
    private final Accounts accounts;
    private final OnboardingNotifier notifier;
    private final TransactionalOperator tx;

    ReviewService(ApplicationRepository applications, RoundRepository rounds, MerchantRepository merchants,
                  Accounts accounts, OnboardingNotifier notifier, TransactionalOperator tx) {
        this.applications = applications;
        this.rounds = rounds;
        this.merchants = merchants;
        this.accounts = accounts;
        this.notifier = notifier;
        this.tx = tx;
    }

    /** A round's applications in arrival order, optionally of one status, with the round's figures. */
    Mono<ReviewPage> page(long roundId, ApplicationStatus status, PageRequest page) {
        return rounds.find(roundId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("遴选批次")))
                .flatMap(round -> applications.ofRound(roundId, status, page)
                        .map(rows -> Page.of(rows, page.limit(), a -> Long.toString(a.id())))
                        .map(p -> new ReviewPage(round, p.items(), p.next())));
    }

    Mono<ApplicationView> find(long applicationId) {
        return applications.find(applicationId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("入驻申请")));
    }

    Mono<ApplicationView> decide(long organiserId, long applicationId, DecisionRequest request) {
        Decision decision = request.decision();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (decision.needsReason() && reason == null) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                    List.of(new FieldProblem("reason", "驳回或要求补充材料时请填写原因"))));
        }
        ApplicationStatus outcome = decision.outcome();
        Mono<ApplicationRepository.Locked> decided = applications.lock(applicationId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("入驻申请")))
                .flatMap(app -> app.status() == ApplicationStatus.SUBMITTED ? Mono.just(app)
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "application-not-submitted",
                                "只能审核待审核的申请（该申请已处理或等待申请方补充材料）")))
                // the notification is queued before approval ends the applicant's tokens (also queued): the outbox
                // delivers in order, so an open connection gets the news before it is closed
                .flatMap(app -> notifier.decided(app.applicantId(), app.id(), outcome, reason).thenReturn(app))
                .flatMap(app -> decision == Decision.APPROVE ? admit(app).thenReturn(app) : Mono.just(app))
                .flatMap(app -> applications.decide(app.id(), outcome, reason)
                        .then(applications.recordChange(app.id(), ApplicationStatus.SUBMITTED, outcome, reason,
                                organiserId))
                        .thenReturn(app));
        return tx.transactional(decided)
                .then(find(applicationId));
    }

    /** Takes a place of the round (refused when none is left), creates the merchant, grants MERCHANT. */
    private Mono<Void> admit(ApplicationRepository.Locked app) {
        return rounds.lockQuota(app.roundId())
                .flatMap(quota -> !quota.full() ? Mono.<Void>empty()
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "quota-full",
                                "本批次名额已满（已通过 %d / %d）".formatted(quota.approved(), quota.places()))))
                .then(merchants.existsForEnterprise(app.enterpriseId()))
                .flatMap(exists -> exists ? Mono.error(alreadyMerchant())
                        : merchants.insert(app.enterpriseId(), app.id()))
                .onErrorMap(DataIntegrityViolationException.class, e -> alreadyMerchant())
                .then(accounts.grantRole(app.applicantId(), Role.MERCHANT));
    }

    private static ApiProblem alreadyMerchant() {
        return new ApiProblem(HttpStatus.CONFLICT, "already-merchant", "该企业已是入驻商家");
    }
}
