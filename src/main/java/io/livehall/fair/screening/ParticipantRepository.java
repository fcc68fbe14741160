package io.livehall.fair.screening;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.screening.FairViews.Row;
import io.livehall.fair.screening.FairViews.Step;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of registrations (participants) with their questionnaire, contact and screening history. */
@Repository
class ParticipantRepository {

    static final String ROW = """
            select p.id, p.fair_id, p.enterprise_id, e.name as enterprise_name, e.credit_code, e.region, e.industry,
                   e.size, e.tier, p.role, p.status, p.offers, p.needs, p.amount_min_fen, p.amount_max_fen,
                   p.certifications, p.contact_name, p.contact_phone, p.invited, p.reason, p.created_at, p.updated_at
              from fair_participant p join enterprise e on e.id = p.enterprise_id""";

    private final DatabaseClient db;

    ParticipantRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Row> byId(long id) {
        return db.sql(ROW + " where p.id = :id").bind("id", id).map(ParticipantRepository::rowOf).one();
    }

    Mono<Row> ofEnterprise(long fairId, long enterpriseId) {
        return db.sql(ROW + " where p.fair_id = :fair and p.enterprise_id = :enterprise")
                .bind("fair", fairId).bind("enterprise", enterpriseId).map(ParticipantRepository::rowOf).one();
    }

    /**
     * A fair's registrations, oldest first after {@code afterId}: in one status (or all), one role (or all), with an
     * enterprise name containing {@code q} (or all); {@code limit + 1} rows.
     */
    Flux<Row> ofFair(long fairId, ParticipantStatus status, ParticipantRole role, String q, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder(ROW).append(" where p.fair_id = :fair");
        if (status != null) {
            sql.append(" and p.status = :status");
        }
        if (role != null) {
            sql.append(" and p.role = :role");
        }
        if (q != null) {
            sql.append(" and strpos(e.name, :q) > 0");
        }
        if (afterId != null) {
            sql.append(" and p.id > :after");
        }
        sql.append(" order by p.id limit :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("fair", fairId).bind("limit", limit + 1);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        if (role != null) {
            spec = spec.bind("role", role.name());
        }
        if (q != null) {
            spec = spec.bind("q", q);
        }
        if (afterId != null) {
            spec = spec.bind("after", afterId);
        }
        return spec.map(ParticipantRepository::rowOf).all();
    }

    /** Every registration of a fair, oldest first (the CSV). */
    Flux<Row> allOf(long fairId) {
        return db.sql(ROW + " where p.fair_id = :fair order by p.id").bind("fair", fairId)
                .map(ParticipantRepository::rowOf).all();
    }

    Mono<Map<ParticipantStatus, Long>> counts(long fairId) {
        return db.sql("select status, count(*) as n from fair_participant where fair_id = :fair group by status")
                .bind("fair", fairId)
                .map(row -> Map.entry(ParticipantStatus.valueOf(row.get("status", String.class)), row.get("n", Long.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Locks the fair's row (decisions and registrations of one fair queue on it) and reads its capacity. */
    Mono<Integer> lockCapacity(long fairId) {
        return db.sql("select capacity from fair where id = :id for update").bind("id", fairId)
                .map(row -> row.get(0, Integer.class)).one();
    }

    Mono<Long> approvedCount(long fairId) {
        return db.sql("select count(*) from fair_participant where fair_id = :fair and status = 'APPROVED'")
                .bind("fair", fairId).map(row -> row.get(0, Long.class)).one();
    }

    Mono<Long> insert(long fairId, long enterpriseId, long userId, RegistrationRequest r, Long invitationId) {
        return questionnaire(db.sql("""
                        insert into fair_participant (fair_id, enterprise_id, user_id, role, offers, needs, amount_min_fen,
                                                      amount_max_fen, certifications, contact_name, contact_phone,
                                                      invited, invitation_id)
                        values (:fair, :enterprise, :user, :role, :offers, :needs, :min, :max, :certifications,
                                :contactName, :contactPhone, :invitation is not null, :invitation) returning id""")
                .bind("fair", fairId).bind("enterprise", enterpriseId).bind("user", userId), r, invitationId)
                .map(row -> row.get(0, Long.class)).one();
    }

    /**
     * Replaces the questionnaire and moves the registration to PENDING if it is in one of {@code from} (a withdrawn
     * one registering again, one answering NEEDS_INFO, a pending one edited); 0 rows otherwise.
     */
    Mono<Long> resubmit(long id, long userId, RegistrationRequest r, Long invitationId, List<ParticipantStatus> from,
                        Instant now) {
        return questionnaire(db.sql("""
                        update fair_participant
                           set user_id = :user, role = :role, offers = :offers, needs = :needs, amount_min_fen = :min,
                               amount_max_fen = :max, certifications = :certifications, contact_name = :contactName,
                               contact_phone = :contactPhone, status = 'PENDING', updated_at = :now,
                               invited = invited or :invitation is not null,
                               invitation_id = coalesce(:invitation, invitation_id)
                         where id = :id and status = any(:from)""")
                .bind("id", id).bind("user", userId).bind("now", now)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new)), r, invitationId)
                .fetch().rowsUpdated();
    }

    private static GenericExecuteSpec questionnaire(GenericExecuteSpec spec, RegistrationRequest r, Long invitationId) {
        spec = spec.bind("role", r.role().name()).bind("offers", r.offersOrEmpty()).bind("needs", r.needsOrEmpty())
                .bind("certifications", r.certificationsOrEmpty().toArray(String[]::new))
                .bind("contactName", r.contactName().strip()).bind("contactPhone", r.contactPhone().strip());
        spec = r.amountMinFen() == null ? spec.bindNull("min", Long.class) : spec.bind("min", r.amountMinFen());
        spec = r.amountMaxFen() == null ? spec.bindNull("max", Long.class) : spec.bind("max", r.amountMaxFen());
        return invitationId == null ? spec.bindNull("invitation", Long.class) : spec.bind("invitation", invitationId);
    }

    /** A conditional screening move (with the reason, kept when {@code reason} is null): 1 row when it was in {@code from}. */
    Mono<Long> move(long id, List<ParticipantStatus> from, ParticipantStatus to, String reason, Long decidedBy,
                    Instant now) {
        GenericExecuteSpec spec = db.sql("""
                        update fair_participant set status = :to, reason = coalesce(:reason, reason), updated_at = :now,
                               decided_by = coalesce(:by, decided_by), decided_at = case when :by is null then decided_at else :now end
                         where id = :id and status = any(:from)""")
                .bind("id", id).bind("to", to.name()).bind("now", now)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new));
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        spec = decidedBy == null ? spec.bindNull("by", Long.class) : spec.bind("by", decidedBy);
        return spec.fetch().rowsUpdated();
    }

    Mono<Void> record(long participantId, ParticipantStatus from, ParticipantStatus to, String note, long byUser,
                      Instant now) {
        GenericExecuteSpec spec = db.sql("""
                        insert into fair_participant_history (participant_id, from_status, to_status, note, by_user, at)
                        values (:participant, :from, :to, :note, :by, :now)""")
                .bind("participant", participantId).bind("to", to.name()).bind("by", byUser).bind("now", now);
        spec = from == null ? spec.bindNull("from", String.class) : spec.bind("from", from.name());
        spec = note == null || note.isBlank() ? spec.bindNull("note", String.class) : spec.bind("note", note.strip());
        return spec.fetch().rowsUpdated().then();
    }

    /**
     * Whom a screening decision tells: every account of the participant's enterprise and the contact who registered
     * it (once each, even when the contact is one of them), by id.
     */
    Flux<Long> accountsToTell(long participantId) {
        return db.sql("""
                        select u.id from app_user u join fair_participant p on p.enterprise_id = u.enterprise_id
                         where p.id = :id
                        union
                        select p.user_id from fair_participant p where p.id = :id
                        order by 1""")
                .bind("id", participantId).map(row -> row.get(0, Long.class)).all();
    }

    Flux<Step> history(long participantId) {
        return db.sql("""
                        select h.from_status, h.to_status, h.note, u.display_name, h.at
                          from fair_participant_history h join app_user u on u.id = h.by_user
                         where h.participant_id = :participant order by h.id""")
                .bind("participant", participantId)
                .map(row -> {
                    String from = row.get("from_status", String.class);
                    return new Step(from == null ? null : ParticipantStatus.valueOf(from),
                            ParticipantStatus.valueOf(row.get("to_status", String.class)), row.get("note", String.class),
                            row.get("display_name", String.class), row.get("at", Instant.class));
                })
                .all();
    }

    static Row rowOf(Readable row) {
        String[] certifications = row.get("certifications", String[].class);
        return new Row(row.get("id", Long.class), row.get("fair_id", Long.class), row.get("enterprise_id", Long.class),
                row.get("enterprise_name", String.class), row.get("credit_code", String.class),
                row.get("region", String.class), row.get("industry", String.class),
                EnterpriseSize.valueOf(row.get("size", String.class)),
                SpecialisationTier.valueOf(row.get("tier", String.class)),
                ParticipantRole.valueOf(row.get("role", String.class)),
                ParticipantStatus.valueOf(row.get("status", String.class)), row.get("offers", String.class),
                row.get("needs", String.class), row.get("amount_min_fen", Long.class),
                row.get("amount_max_fen", Long.class),
                certifications == null ? List.of() : List.copyOf(Arrays.asList(certifications)),
                row.get("contact_name", String.class), row.get("contact_phone", String.class),
                Boolean.TRUE.equals(row.get("invited", Boolean.class)), row.get("reason", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
