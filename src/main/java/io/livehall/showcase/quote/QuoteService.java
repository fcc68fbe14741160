package io.livehall.showcase.quote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.money.MoneyBounds;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.identity.AccountService;
import io.livehall.showcase.catalogue.ProductCatalogue;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.merchant.MerchantRef;
import io.livehall.showcase.order.OrderPlacement;
import io.livehall.showcase.order.PlacedOrder;
import io.livehall.showcase.order.QuotedItem;
import io.livehall.showcase.order.Recipient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Group-customer procurement (集团客户采购): a user of an enterprise asks a merchant for a quote on a product and
 * quantity; the merchant answers with a unit price and a validity; the buyer accepts (an order at the quoted
 * price through the order path: Idempotency-Key, stock taken in the same transaction as the acceptance) or
 * declines. An expired answer cannot be accepted. A suspended merchant is asked nothing, answers nothing and its
 * answers cannot be accepted (403); an answer whose total (unit price × quantity) is above 1 亿元 is refused (400).
 */
@Service
class QuoteService {

    static final Duration MAX_VALIDITY = Duration.ofDays(90);
    static final Set<String> STATUSES = Set.of("REQUESTED", "ANSWERED", "ACCEPTED", "DECLINED", "WITHDRAWN");

    private final QuoteRepository quotes;
    private final AccountService accounts;
    private final MerchantAccess merchants;
    private final ProductCatalogue catalogue;
    private final OrderPlacement placement;
    private final TransactionalOperator tx;
    private final Clock clock;

    QuoteService(QuoteRepository quotes, AccountService accounts, MerchantAccess merchants, ProductCatalogue catalogue,
                 OrderPlacement placement, TransactionalOperator tx, Clock clock) {
        this.clock = clock;
        this.quotes = quotes;
        this.accounts = accounts;
        this.merchants = merchants;
        this.catalogue = catalogue;
        this.placement = placement;
        this.tx = tx;
    }

    Mono<Quote> ask(long userId, QuoteRequests.Ask ask) {
        return accounts.findById(userId).flatMap(user -> {
            if (user.enterprise() == null) {
                return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "not-an-enterprise-user", "集团客户采购需以企业用户身份申请报价"));
            }
            return catalogue.find(ask.productId()).flatMap(product -> {
                if (!product.onSale()) {
                    return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "product-not-on-sale", "商品未上架"));
                }
                return merchants.requireOpen(product.merchantId())
                        .then(merchants.merchantOf(userId).filter(m -> m.id() == product.merchantId()).hasElement())
                        .flatMap(own -> own
                                ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "own-product", "不能向本企业的商品询价"))
                                : quotes.insert(userId, user.displayName(), user.enterprise().id(), user.enterprise().name(),
                                        product.merchantId(), product.id(), product.name(), ask.quantity(),
                                        ask.note() == null ? "" : ask.note().strip()));
            });
        }).flatMap(quotes::find);
    }

    Mono<Page<Quote>> ofBuyer(long userId, String status, PageRequest page) {
        return quotes.list("buyer_id", userId, status(status), page).collectList()
                .map(items -> Page.of(items, page.limit(), q -> Long.toString(q.id())));
    }

    Mono<Page<Quote>> ofMerchant(long userId, String status, PageRequest page) {
        return merchant(userId).flatMap(m -> quotes.list("merchant_id", m.id(), status(status), page).collectList())
                .map(items -> Page.of(items, page.limit(), q -> Long.toString(q.id())));
    }

    Mono<Quote> ofBuyer(long userId, long id) {
        return quotes.find(id).filter(q -> q.buyerId() == userId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("报价单")));
    }

    Mono<Quote> ofMerchant(long userId, long id) {
        return merchant(userId).flatMap(m -> quotes.find(id).filter(q -> q.merchantId() == m.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("报价单")));
    }

    Mono<Quote> answer(long userId, long id, QuoteRequests.Answer answer) {
        Instant now = clock.instant();
        if (!answer.validUntil().isAfter(now) || answer.validUntil().isAfter(now.plus(MAX_VALIDITY))) {
            return Mono.error(invalid("validUntil", "有效期须晚于现在且不超过 90 天"));
        }
        return merchants.requireActive(userId).then(ofMerchant(userId, id))
                .flatMap(q -> {
                    MoneyBounds.total(answer.unitPriceFen(), q.quantity(), "unitPriceFen");
                    return quotes.answer(id, q.merchantId(), answer.unitPriceFen(), answer.validUntil(),
                            answer.note() == null ? null : answer.note().strip());
                })
                .flatMap(rows -> rows == 1 ? quotes.find(id) : ofMerchant(userId, id).flatMap(q -> Mono.error(
                        wrongStatus("报价单当前状态不能再报价"))));
    }

    Mono<Quote> decline(long userId, long id) {
        return moveOwn(userId, id, "ANSWERED", "DECLINED", "只有已报价的报价单可以拒绝");
    }

    Mono<Quote> withdraw(long userId, long id) {
        return moveOwn(userId, id, "REQUESTED", "WITHDRAWN", "只有待报价的询价可以撤回");
    }

    /** Accepts an answered, unexpired quote and creates its order in the same transaction. */
    Mono<PlacedOrder> accept(long userId, String buyerName, long id, String key, Recipient recipient) {
        return ofBuyer(userId, id).flatMap(q -> {
            if (q.unitPriceFen() == null) {
                return Mono.error(wrongStatus("商家尚未报价"));
            }
            QuotedItem item = new QuotedItem(q.id(), q.productId(), q.merchantId(), q.quantity(), q.unitPriceFen());
            Mono<PlacedOrder> accepting = quotes.move(id, userId, "ANSWERED", "ACCEPTED", true)
                    .flatMap(rows -> rows == 1
                            ? placement.placeQuoted(userId, buyerName, key, item, recipient)
                            : placement.existingQuoted(userId, key, item, recipient)
                                    .switchIfEmpty(Mono.defer(() -> ofBuyer(userId, id).flatMap(now -> Mono.error(
                                            "EXPIRED".equals(now.status())
                                                    ? new ApiProblem(HttpStatus.CONFLICT, "quote-expired", "报价已过期，请重新询价")
                                                    : wrongStatus("报价单当前状态不能接受"))))));
            return placement.existingQuoted(userId, key, item, recipient).switchIfEmpty(tx.transactional(accepting));
        });
    }

    private Mono<Quote> moveOwn(long userId, long id, String from, String to, String refusal) {
        return ofBuyer(userId, id).flatMap(q -> quotes.move(id, userId, from, to, false))
                .flatMap(rows -> rows == 1 ? quotes.find(id) : Mono.error(wrongStatus(refusal)));
    }

    private Mono<MerchantRef> merchant(long userId) {
        return merchants.merchantOf(userId)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-a-merchant", "您所在的企业还不是入驻商家")));
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (!STATUSES.contains(status)) {
            throw invalid("status", "状态须为 " + String.join("、", STATUSES.stream().sorted().toList()) + " 之一");
        }
        return status;
    }

    private static ApiProblem wrongStatus(String message) {
        return new ApiProblem(HttpStatus.CONFLICT, "invalid-status", message);
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem(field, message)));
    }
}
