package io.livehall.identity;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class EnterpriseRepository {

    private final DatabaseClient db;

    EnterpriseRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Enterprise> insert(EnterpriseRequest e) {
        SpecialisationTier tier = e.tier() == null ? SpecialisationTier.NONE : e.tier();
        return db.sql("""
                        insert into enterprise (name, credit_code, region, industry, size, tier)
                        values (:name, :code, :region, :industry, :size, :tier)
                        returning id, name, credit_code, region, industry, size, tier, created_at""")
                .bind("name", e.name().strip())
                .bind("code", e.creditCode())
                .bind("region", e.region().strip())
                .bind("industry", e.industry().strip())
                .bind("size", e.size().name())
                .bind("tier", tier.name())
                .map(row -> map(row, ""))
                .one();
    }

    Mono<Enterprise> findByCreditCode(String creditCode) {
        return db.sql("select id, name, credit_code, region, industry, size, tier, created_at from enterprise where credit_code = :code")
                .bind("code", creditCode)
                .map(row -> map(row, ""))
                .one();
    }

    /** Maps enterprise columns, optionally prefixed (as in a join: {@code e_id, e_name, ...}); null when absent. */
    static Enterprise map(Readable row, String prefix) {
        Long id = row.get(prefix + "id", Long.class);
        if (id == null) {
            return null;
        }
        return new Enterprise(id,
                row.get(prefix + "name", String.class),
                row.get(prefix + "credit_code", String.class),
                row.get(prefix + "region", String.class),
                row.get(prefix + "industry", String.class),
                EnterpriseSize.valueOf(row.get(prefix + "size", String.class)),
                SpecialisationTier.valueOf(row.get(prefix + "tier", String.class)),
                row.get(prefix + "created_at", Instant.class));
    }
}
