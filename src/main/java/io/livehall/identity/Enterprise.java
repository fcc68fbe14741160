package io.livehall.identity;

import java.time.Instant;

/** An enterprise (企业) as stored; also its public view. */
public record Enterprise(long id, String name, String creditCode, String region, String industry,
                         EnterpriseSize size, SpecialisationTier tier, Instant createdAt) {
}
