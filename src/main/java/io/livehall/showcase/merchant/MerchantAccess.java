package io.livehall.showcase.merchant;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import io.livehall.common.error.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Which merchant a user acts for, and whether it may trade. The public entry point of the merchant feature
 * for catalogue, live sessions, orders and quotes.
 * <p>
 * A SUSPENDED merchant sells nothing new: buyers reaching it (orders, flash deals, quotes) are refused with
 * {@link #closedForBusiness()}, and its own new business (going live, pinning, opening deals, answering quotes,
 * confirming payments) with {@code merchant-suspended} too; what was paid before is still fulfilled (see
 * docs/security.md "Suspended merchants").
 */
@Service
public class MerchantAccess {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseClient db;

    MerchantAccess(DatabaseClient db) {
        this.db = db;
    }

    /** The merchant of the user's enterprise (any status); empty if the enterprise is not a merchant. */
    public Mono<MerchantRef> merchantOf(long userId) {
        return db.sql("""
                        select m.id, m.enterprise_id, m.display_name, m.status = 'ACTIVE' as active,
                               not exists (
                                   select 1 from (select distinct on (kind) id from agreement_version
                                                  order by kind, version desc) newest
                                   where not exists (select 1 from agreement_acceptance a
                                                     where a.merchant_id = m.id and a.agreement_id = newest.id)
                               ) as agreed
                        from app_user u join merchant m on m.enterprise_id = u.enterprise_id
                        where u.id = :user""")
                .bind("user", userId)
                .map(row -> {
                    boolean active = Boolean.TRUE.equals(row.get("active", Boolean.class));
                    return new MerchantRef(row.get("id", Long.class), row.get("enterprise_id", Long.class),
                            row.get("display_name", String.class), active,
                            active && Boolean.TRUE.equals(row.get("agreed", Boolean.class)));
                })
                .one();
    }

    /** The user's merchant if it may list products and go live; otherwise a 403 problem saying what is missing. */
    public Mono<MerchantRef> requireTrading(long userId) {
        return merchantOf(userId)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-a-merchant",
                        "您所在的企业还不是入驻商家")))
                .flatMap(m -> {
                    if (!m.active()) {
                        return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "merchant-suspended", "商家已被暂停"));
                    }
                    if (!m.trading()) {
                        return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "agreements-not-accepted",
                                "请先确认最新版本的进场协议和质量服务承诺"));
                    }
                    return Mono.just(m);
                });
    }

    /**
     * The user's merchant while it is ACTIVE (whether or not it accepted the newest agreements): for a merchant's
     * own work that a suspension stops but a pending agreement does not (pinning, answering quotes, confirming
     * payments). 403 {@code not-a-merchant} or {@code merchant-suspended} otherwise.
     */
    public Mono<MerchantRef> requireActive(long userId) {
        return merchantOf(userId)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-a-merchant",
                        "您所在的企业还不是入驻商家")))
                .flatMap(m -> m.active() ? Mono.just(m)
                        : Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "merchant-suspended", "商家已被暂停")));
    }

    /** 403 {@code merchant-suspended} for a buyer reaching a suspended (or unknown) merchant. */
    public static ApiProblem closedForBusiness() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "merchant-suspended", "该商家已暂停营业");
    }

    /** 409 {@code own-product}: a merchant's own accounts may not buy its products (it would inflate its sales). */
    public static ApiProblem ownProduct() {
        return new ApiProblem(HttpStatus.CONFLICT, "own-product", "不能购买自家商品");
    }

    /**
     * Whether this buyer may buy from this merchant now, in one query: refused with {@link #closedForBusiness()}
     * while the merchant is not ACTIVE, and with {@link #ownProduct()} when the buyer acts for it.
     */
    public Mono<Void> checkSale(long merchantId, long buyerId) {
        return db.sql("""
                        select m.status = 'ACTIVE' as active,
                               exists (select 1 from app_user u where u.id = :buyer and u.enterprise_id = m.enterprise_id) as own
                        from merchant m where m.id = :merchant""")
                .bind("merchant", merchantId).bind("buyer", buyerId)
                .map(row -> new boolean[] {Boolean.TRUE.equals(row.get("active", Boolean.class)),
                        Boolean.TRUE.equals(row.get("own", Boolean.class))})
                .one()
                .timeout(TIMEOUT)
                .defaultIfEmpty(new boolean[] {false, false})
                .flatMap(sale -> !sale[0] ? Mono.error(closedForBusiness())
                        : sale[1] ? Mono.error(ownProduct()) : Mono.empty());
    }

    /** Refuses with {@link #ownProduct()} when the buyer acts for this merchant (a buyer without one passes). */
    public Mono<Void> refuseOwn(long buyerId, long merchantId) {
        return db.sql("""
                        select 1 from app_user u join merchant m on m.enterprise_id = u.enterprise_id
                        where u.id = :buyer and m.id = :merchant""")
                .bind("buyer", buyerId).bind("merchant", merchantId)
                .map(row -> true).one()
                .timeout(TIMEOUT)
                .flatMap(own -> Mono.error(ownProduct()));
    }

    /** Refuses with {@link #closedForBusiness()} unless the merchant is ACTIVE. */
    public Mono<Void> requireOpen(long merchantId) {
        return db.sql("select status = 'ACTIVE' as active from merchant where id = :id").bind("id", merchantId)
                .map(row -> Boolean.TRUE.equals(row.get("active", Boolean.class))).one()
                .timeout(TIMEOUT)
                .defaultIfEmpty(false)
                .flatMap(active -> active ? Mono.<Void>empty() : Mono.error(closedForBusiness()));
    }

    /**
     * How many sessions the merchant may have live at once, locking its row until the caller's transaction ends:
     * two "go live" requests of one merchant are counted one after the other.
     */
    public Mono<Integer> lockLiveAllowance(long merchantId) {
        return db.sql("select live_allowance from merchant where id = :id for update").bind("id", merchantId)
                .map(row -> row.get("live_allowance", Short.class).intValue()).one()
                .defaultIfEmpty(1);
    }

    /** Display names of these merchants (unknown ids are left out), for lists that show whose something is. */
    public Mono<Map<Long, String>> displayNames(Collection<Long> merchantIds) {
        if (merchantIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select id, display_name from merchant where id = any(:ids)")
                .bind("ids", merchantIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("id", Long.class), row.get("display_name", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
