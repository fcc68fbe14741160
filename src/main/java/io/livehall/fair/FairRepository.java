package io.livehall.fair;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of fairs, their organisers and participants (the reads the fair features share). */
@Repository
class FairRepository {

    static final String FAIR = """
            select f.id, f.organiser_id, u.display_name as organiser, f.title, f.kind, f.mode, f.visibility, f.status,
                   f.starts_at, f.ends_at, f.region, f.venue, f.summary, f.capacity, f.cover_file_id,
                   f.created_at, f.updated_at
              from fair f join app_user u on u.id = f.organiser_id""";
    static final String PARTICIPANT = """
            select p.id, p.fair_id, p.enterprise_id, e.name as enterprise_name, e.region, e.industry, e.size, e.tier,
                   p.user_id, p.role, p.status, p.offers, p.needs, p.amount_min_fen, p.amount_max_fen,
                   p.certifications, p.invited, p.reason, p.created_at, p.updated_at
              from fair_participant p join enterprise e on e.id = p.enterprise_id""";

    private final DatabaseClient db;

    FairRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Fair> fair(long id) {
        return db.sql(FAIR + " where f.id = :id").bind("id", id).map(FairRepository::fairOf).one();
    }

    /** Whether the user created or co-organises the fair. */
    Mono<Boolean> organises(long fairId, long userId) {
        return db.sql("""
                        select exists (select 1 from fair where id = :fair and organiser_id = :user)
                            or exists (select 1 from fair_organiser where fair_id = :fair and user_id = :user) as runs""")
                .bind("fair", fairId).bind("user", userId)
                .map(row -> Boolean.TRUE.equals(row.get("runs", Boolean.class))).one();
    }

    /** The ids of the fairs the user created or co-organises, newest first. */
    Flux<Long> organisedBy(long userId) {
        return db.sql("""
                        select id from fair where organiser_id = :user
                        union select fair_id from fair_organiser where user_id = :user
                        order by 1 desc""")
                .bind("user", userId).map(row -> row.get(0, Long.class)).all();
    }

    Flux<Long> allIds() {
        return db.sql("select id from fair order by id desc").map(row -> row.get(0, Long.class)).all();
    }

    Mono<Participant> participant(long id) {
        return db.sql(PARTICIPANT + " where p.id = :id").bind("id", id).map(FairRepository::participantOf).one();
    }

    /** The participant of the enterprise the user belongs to, at that fair. */
    Mono<Participant> participantOfUser(long fairId, long userId) {
        return db.sql(PARTICIPANT + """
                         \swhere p.fair_id = :fair
                           and p.enterprise_id = (select enterprise_id from app_user where id = :user)""")
                .bind("fair", fairId).bind("user", userId).map(FairRepository::participantOf).one();
    }

    /** A caller's standing at a fair: the fair's status and visibility, whether they run it, their participant. */
    record Access(FairStatus status, FairVisibility visibility, boolean runs, Long participantId,
                  ParticipantStatus participantStatus) {
    }

    /** The caller's standing at the fair, in one statement; empty when there is no such fair. */
    Mono<Access> access(long fairId, long userId) {
        return db.sql("""
                        select f.status, f.visibility, p.id as participant_id, p.status as participant_status,
                               (f.organiser_id = :user
                                or exists (select 1 from fair_organiser o
                                            where o.fair_id = f.id and o.user_id = :user)) as runs
                          from fair f
                          left join fair_participant p on p.fair_id = f.id
                               and p.enterprise_id = (select enterprise_id from app_user where id = :user)
                         where f.id = :fair""")
                .bind("fair", fairId).bind("user", userId)
                .map(row -> new Access(FairStatus.valueOf(row.get("status", String.class)),
                        FairVisibility.valueOf(row.get("visibility", String.class)),
                        Boolean.TRUE.equals(row.get("runs", Boolean.class)), row.get("participant_id", Long.class),
                        row.get("participant_status", String.class) == null ? null
                                : ParticipantStatus.valueOf(row.get("participant_status", String.class))))
                .one();
    }

    Flux<Participant> approved(long fairId) {
        return db.sql(PARTICIPANT + " where p.fair_id = :fair and p.status = 'APPROVED' order by p.id")
                .bind("fair", fairId).map(FairRepository::participantOf).all();
    }

    static Fair fairOf(Readable row) {
        return new Fair(row.get("id", Long.class), row.get("organiser_id", Long.class),
                row.get("organiser", String.class), row.get("title", String.class),
                FairKind.valueOf(row.get("kind", String.class)), FairMode.valueOf(row.get("mode", String.class)),
                FairVisibility.valueOf(row.get("visibility", String.class)),
                FairStatus.valueOf(row.get("status", String.class)), row.get("starts_at", Instant.class),
                row.get("ends_at", Instant.class), row.get("region", String.class), row.get("venue", String.class),
                row.get("summary", String.class), row.get("capacity", Integer.class),
                row.get("cover_file_id", Long.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    static Participant participantOf(Readable row) {
        String[] certifications = row.get("certifications", String[].class);
        return new Participant(row.get("id", Long.class), row.get("fair_id", Long.class),
                row.get("enterprise_id", Long.class), row.get("enterprise_name", String.class),
                row.get("region", String.class), row.get("industry", String.class),
                EnterpriseSize.valueOf(row.get("size", String.class)),
                SpecialisationTier.valueOf(row.get("tier", String.class)), row.get("user_id", Long.class),
                ParticipantRole.valueOf(row.get("role", String.class)),
                ParticipantStatus.valueOf(row.get("status", String.class)), row.get("offers", String.class),
                row.get("needs", String.class), row.get("amount_min_fen", Long.class),
                row.get("amount_max_fen", Long.class),
                certifications == null ? List.of() : List.copyOf(Arrays.asList(certifications)),
                Boolean.TRUE.equals(row.get("invited", Boolean.class)), row.get("reason", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
