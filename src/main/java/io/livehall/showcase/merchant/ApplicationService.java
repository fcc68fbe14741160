package io.livehall.showcase.merchant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.identity.AccountService;
import io.livehall.identity.Enterprise;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The applicant's side of onboarding: apply to an open round with qualification documents, follow the
 * application, and revise it when the organisers ask for changes. An enterprise applies once per round and
 * not at all once it is a merchant.
 */
@Service
class ApplicationService {

    private final ApplicationRepository applications;
    private final RoundRepository rounds;
    private final MerchantRepository merchants;
    private final AccountService accounts;
    private final FileStorage files;
    private final TransactionalOperator tx;

    ApplicationService(ApplicationRepository applications, RoundRepository rounds, MerchantRepository merchants,
                       AccountService accounts, FileStorage files, TransactionalOperator tx) {
        this.applications = applications;
        this.rounds = rounds;
        this.merchants = merchants;
        this.accounts = accounts;
        this.files = files;
        this.tx = tx;
    }

    Mono<ApplicationView> submit(long userId, ApplicationRequest request) {
        if (request.roundId() == null) {
            return Mono.error(invalid(List.of(new FieldProblem("roundId", "请选择遴选批次"))));
        }
        long roundId = request.roundId();
        return enterpriseOf(userId).flatMap(enterprise -> rounds.find(roundId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("遴选批次")))
                .flatMap(round -> round.open() ? Mono.just(round)
                        : Mono.error(ApiProblem.conflict("round-closed", "roundId", "该批次当前不接受申请")))
                .then(refuseIfMerchant(enterprise))
                .then(applications.exists(roundId, enterprise.id()))
                .flatMap(exists -> exists ? Mono.error(duplicate()) : checkDocuments(userId, request.documents()))
                .then(tx.transactional(applications.insert(roundId, enterprise.id(), userId, request)
                        .flatMap(id -> applications.replaceDocuments(id, request.documents())
                                .then(applications.recordChange(id, null, ApplicationStatus.SUBMITTED, null, userId))
                                .thenReturn(id))))
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> isDuplicate(e) ? duplicate() : e)
                .flatMap(applications::find)
                .map(ApplicationView::forApplicant));
    }

    /** After CHANGES_REQUESTED: new fields and documents, and the application is SUBMITTED again. */
    Mono<ApplicationView> revise(long userId, long applicationId, ApplicationRequest request) {
        return own(userId, applicationId)
                .flatMap(app -> app.status() == ApplicationStatus.CHANGES_REQUESTED ? Mono.just(app)
                        : Mono.error(notRevisable()))
                .then(checkDocuments(userId, request.documents()))
                .then(tx.transactional(applications.revise(applicationId, request)
                        .flatMap(changed -> changed == 0 ? Mono.error(notRevisable()) : Mono.just(changed))
                        .then(applications.replaceDocuments(applicationId, request.documents()))
                        .then(applications.recordChange(applicationId, ApplicationStatus.CHANGES_REQUESTED,
                                ApplicationStatus.SUBMITTED, null, userId))))
                .then(applications.find(applicationId))
                .map(ApplicationView::forApplicant);
    }

    /** The applications of the user's enterprise, newest first (none without an enterprise). */
    Mono<List<ApplicationView>> mine(long userId) {
        return accounts.findById(userId)
                .flatMap(user -> user.enterprise() == null ? Mono.just(List.<ApplicationView>of())
                        : applications.ofEnterprise(user.enterprise().id()))
                .map(list -> list.stream().map(ApplicationView::forApplicant).toList());
    }

    /** One application of the user's enterprise; another enterprise's answers 404 as if it did not exist. */
    Mono<ApplicationView> own(long userId, long applicationId) {
        return accounts.findById(userId)
                .flatMap(user -> applications.find(applicationId)
                        .filter(app -> user.enterprise() != null && app.enterprise().id() == user.enterprise().id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("入驻申请")))
                .map(ApplicationView::forApplicant);
    }

    private Mono<Enterprise> enterpriseOf(long userId) {
        return accounts.findById(userId)
                .flatMap(user -> Mono.justOrEmpty(user.enterprise()))
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "enterprise-required",
                        "您的账号未关联企业，请先补充企业信息（企业名称、统一社会信用代码等）后再申请入驻")));
    }

    private Mono<Void> refuseIfMerchant(Enterprise enterprise) {
        return merchants.existsForEnterprise(enterprise.id())
                .flatMap(merchant -> merchant ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "already-merchant",
                        "您的企业已是入驻商家，无需再次申请")) : Mono.empty());
    }

    /**
     * Every document must be a DOCUMENT upload of this user, listed once, and one must be the business
     * licence. All problems are reported at once, by field.
     */
    private Mono<Void> checkDocuments(long userId, List<DocumentInput> documents) {
        Set<Long> seen = new HashSet<>();
        return Flux.range(0, documents.size())
                .concatMap(i -> {
                    DocumentInput d = documents.get(i);
                    String field = "documents[" + i + "].fileId";
                    if (!seen.add(d.fileId())) {
                        return Mono.just(new FieldProblem(field, "同一文件不能重复添加"));
                    }
                    return files.describe(d.fileId())
                            .filter(f -> f.ownerId() == userId)
                            .map(f -> f.purpose() == FilePurpose.DOCUMENT ? List.<FieldProblem>of()
                                    : List.of(new FieldProblem(field, "请以“资质文件”用途上传（PDF/JPG/PNG）")))
                            .defaultIfEmpty(List.of(new FieldProblem(field, "文件不存在或不是您上传的")))
                            .flatMapIterable(list -> list);
                })
                .collectList()
                .flatMap(problems -> {
                    List<FieldProblem> all = new ArrayList<>(problems);
                    if (documents.stream().noneMatch(d -> d.kind() == DocumentKind.BUSINESS_LICENSE)) {
                        all.add(0, new FieldProblem("documents", "请上传营业执照"));
                    }
                    return all.isEmpty() ? Mono.empty() : Mono.error(invalid(all));
                });
    }

    private static ApiProblem invalid(List<FieldProblem> problems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems);
    }

    private static ApiProblem duplicate() {
        return ApiProblem.conflict("application-exists", "roundId", "您的企业已申请过该批次");
    }

    private static ApiProblem notRevisable() {
        return new ApiProblem(HttpStatus.CONFLICT, "application-not-revisable", "只有被要求补充材料的申请才能修改后重新提交");
    }

    private static boolean isDuplicate(DataIntegrityViolationException e) {
        return String.valueOf(e.getMessage()).contains("merchant_application_round_enterprise_key");
    }
}
