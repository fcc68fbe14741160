package io.livehall.showcase.merchant;

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
 */
@Service
public class MerchantAccess {

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
