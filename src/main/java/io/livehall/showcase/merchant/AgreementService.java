package io.livehall.showcase.merchant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.livehall.common.error.ApiProblem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The entry agreement (进场协议) and the quality commitment (质量服务承诺): organisers publish versions, a
 * merchant accepts the newest of each, by id and with the hash of the text it was shown. Publishing a new
 * version makes every merchant non-trading until it accepts that version (see {@link MerchantAccess}).
 */
@Service
class AgreementService {

    private final AgreementRepository agreements;
    private final MerchantRepository merchants;
    private final MerchantAccess access;

    private static final Pattern TRAILING_VERSION =
            Pattern.compile("(\\s*[（(]\\s*第\\s*\\d+\\s*版\\s*[)）])+$");

    AgreementService(AgreementRepository agreements, MerchantRepository merchants, MerchantAccess access) {
        this.agreements = agreements;
        this.merchants = merchants;
        this.access = access;
    }

    Flux<AgreementView> current() {
        return agreements.current();
    }

    Flux<AgreementView> all() {
        return agreements.all();
    }

    Mono<AgreementView> publish(long organiserId, PublishAgreementRequest request) {
        String body = request.body().replace("\r\n", "\n").strip();
        return agreements.publish(request.kind(), titleWithoutVersion(request.title()), body, sha256(body), organiserId)
                .onErrorMap(DataIntegrityViolationException.class, e -> new ApiProblem(HttpStatus.CONFLICT,
                        "agreement-version-conflict", "另一位组织方刚刚发布了新版本，请刷新后重试"));
    }

    /**
     * A title names the agreement; its version is a column of its own, shown next to it. A trailing
     * 「（第 N 版）」 (a draft based on an older title) is dropped, unless the title is nothing else.
     */
    static String titleWithoutVersion(String title) {
        String stripped = TRAILING_VERSION.matcher(title.strip()).replaceFirst("");
        return stripped.isEmpty() ? title.strip() : stripped;
    }

    Mono<MerchantProfile> accept(long userId, long agreementId, String textSha256) {
        return merchantOf(userId).flatMap(merchant -> agreements.find(agreementId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("协议")))
                .flatMap(agreement -> agreements.current()
                        .filter(newest -> newest.kind() == agreement.kind())
                        .next()
                        .flatMap(newest -> {
                            if (newest.id() != agreement.id()) {
                                return Mono.error(ApiProblem.conflict("agreement-outdated", "agreementId",
                                        "该版本已不是最新版本，请阅读并确认第 " + newest.version() + " 版"));
                            }
                            if (!agreement.textSha256().equalsIgnoreCase(textSha256)) {
                                return Mono.error(ApiProblem.conflict("agreement-text-mismatch", "textSha256",
                                        "协议文本与当前版本不一致，请刷新后重新阅读"));
                            }
                            return agreements.accept(merchant.id(), agreement.id(), userId, agreement.textSha256());
                        }))
                .then(profileOf(merchant)));
    }

    Mono<MerchantProfile> profile(long userId) {
        return merchantOf(userId).flatMap(this::profileOf);
    }

    private Mono<MerchantRef> merchantOf(long userId) {
        return access.merchantOf(userId).switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN,
                "not-a-merchant", "您所在的企业还不是入驻商家")));
    }

    private Mono<MerchantProfile> profileOf(MerchantRef ref) {
        Mono<Map<Long, AgreementRepository.Acceptance>> accepted = agreements.acceptances(ref.id())
                .collect(Collectors.toMap(AgreementRepository.Acceptance::agreementId, Function.identity()));
        return Mono.zip(merchants.find(ref.id()), agreements.current().collectList(), accepted)
                .map(t -> {
                    MerchantView merchant = t.getT1();
                    List<MerchantProfile.AgreementState> states = t.getT2().stream().map(a -> {
                        AgreementRepository.Acceptance acc = t.getT3().get(a.id());
                        return new MerchantProfile.AgreementState(a, acc != null, acc == null ? null : acc.at(),
                                acc == null ? null : acc.by());
                    }).toList();
                    boolean allAccepted = states.stream().allMatch(MerchantProfile.AgreementState::accepted);
                    return new MerchantProfile(merchant.id(), merchant.displayName(), merchant.status(),
                            merchant.enterprise().id(), allAccepted && merchant.status() == MerchantStatus.ACTIVE,
                            states, merchant.createdAt());
                });
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
