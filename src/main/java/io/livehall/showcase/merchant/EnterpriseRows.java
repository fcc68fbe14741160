package io.livehall.showcase.merchant;

import java.time.Instant;

import io.livehall.identity.Enterprise;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import io.r2dbc.spi.Readable;

/** The enterprise columns of a join with {@code enterprise e}, and their mapping to identity's public record. */
final class EnterpriseRows {

    static final String COLUMNS = """
            e.id as e_id, e.name as e_name, e.credit_code as e_credit_code, e.region as e_region,
            e.industry as e_industry, e.size as e_size, e.tier as e_tier, e.created_at as e_created_at""";

    private EnterpriseRows() {
    }

    static Enterprise map(Readable row) {
        return new Enterprise(row.get("e_id", Long.class), row.get("e_name", String.class),
                row.get("e_credit_code", String.class), row.get("e_region", String.class),
                row.get("e_industry", String.class), EnterpriseSize.valueOf(row.get("e_size", String.class)),
                SpecialisationTier.valueOf(row.get("e_tier", String.class)), row.get("e_created_at", Instant.class));
    }
}
